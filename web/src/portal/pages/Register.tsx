import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Form, Input } from 'antd';
import { api, call } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import { PageTitle } from '../../shared/layout';
import { Notice } from '../../shared/states';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { useTenant } from '../tenant';
import { NativeSelect } from '../../shared/native-select';

interface Values {
  tenant: string;
  name: string;
  idNumber: string;
  phone: string;
  password: string;
  confirm: string;
}

const FIELDS = ['tenant', 'name', 'idNumber', 'phone', 'password'] as const;

/** 注册: a natural person opens an account with their name, ID number, mobile and a password. */
export default function Register() {
  const { tenants, current } = useTenant();
  const { user, login } = useAuth();
  const [form] = Form.useForm<Values>();
  const [messages, setMessages] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string>();
  // The portal's region is known once the tenants are read: it is the likely answer.
  useEffect(() => {
    if (current && !form.getFieldValue('tenant')) form.setFieldValue('tenant', current.code);
  }, [current, form]);

  if (done) {
    return (
      <Notice title="注册成功" text={`${done}，您的账户已开通。登录时请使用身份证号码和刚才设置的密码。`}>
        <Button type="primary" onClick={() => void login('/')}>
          立即登录
        </Button>
      </Notice>
    );
  }

  const submit = async (v: Values) => {
    setSending(true);
    setMessages([]);
    try {
      const person = await call(
        api.POST('/api/v1/identity/natural-persons', {
          body: {
            tenant: v.tenant,
            name: v.name.trim(),
            idNumber: v.idNumber.trim().toUpperCase(),
            phone: v.phone.trim(),
            password: v.password,
          },
        }),
      );
      setDone(person.name);
    } catch (e) {
      setMessages(showOnForm(form, e, FIELDS));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <PageTitle title="个人用户注册" extra="注册后可在网上申请办理事项、查看办件进度和电子证照。" />
      {user ? (
        <Notice title="您已登录" text="当前已有登录账户，无需再次注册。">
          <Link to="/">返回首页</Link>
        </Notice>
      ) : (
        <Card style={{ maxWidth: 560 }}>
          <FormMessages messages={messages} />
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark
            initialValues={{ tenant: current?.code }}
            onFinish={(v) => void submit(v)}
            scrollToFirstError
          >
            <Form.Item name="tenant" label="所在地区" rules={[{ required: true, message: '请选择您办事所在的地区' }]}>
              {/* A native select: the phone's own picker, and labelled as antd's Select inside a Form.Item is not. */}
              <NativeSelect options={tenants.map((t) => ({ value: t.code, label: t.name }))} />
            </Form.Item>
            <Form.Item
              name="name"
              label="姓名"
              rules={[
                { required: true, whitespace: true, message: '请填写与身份证一致的姓名' },
                { min: 2, max: 30, message: '姓名应为2至30个字' },
              ]}
            >
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label="居民身份证号码"
              extra="18位，最后一位可能是字母 X；注册后用它登录"
              rules={[
                { required: true, message: '请填写居民身份证号码' },
                { pattern: /^\s*[0-9]{17}[0-9Xx]\s*$/, message: '身份证号码应为18位：17位数字加1位数字或X' },
              ]}
            >
              <Input autoComplete="off" maxLength={18} />
            </Form.Item>
            <Form.Item
              name="phone"
              label="手机号码"
              rules={[
                { required: true, message: '请填写手机号码' },
                { pattern: /^\s*1[3-9][0-9]{9}\s*$/, message: '请填写11位手机号码' },
              ]}
            >
              <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
            </Form.Item>
            <Form.Item
              name="password"
              label="登录密码"
              extra="8至64位，须同时包含字母和数字"
              rules={[
                { required: true, message: '请设置登录密码' },
                { min: 8, max: 64, message: '密码应为8至64位' },
                { pattern: /(?=.*[A-Za-z])(?=.*[0-9])/, message: '密码须同时包含字母和数字' },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认密码"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入密码' },
                ({ getFieldValue }) => ({
                  validator: (_r, value: string) =>
                    !value || value === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error('两次输入的密码不一致')),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={sending} autoInsertSpace={false} block>
              注册
            </Button>
          </Form>
          <p style={{ marginTop: 16, marginBottom: 0 }}>
            企业办事：法定代表人以个人身份注册并登录后，在“企业与授权”中登记企业、授权经办人。
          </p>
        </Card>
      )}
    </>
  );
}
