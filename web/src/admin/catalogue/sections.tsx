import type { ReactNode } from 'react';
import {
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  ConfigProvider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
} from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import type { Department } from '../../api/types';
import {
  DELIVERY,
  HANDLING_CATEGORY,
  ITEM_KINDS,
  MATERIAL_FORM,
  ONLINE_DEPTH,
  SERVICE_OBJECT,
  STAFF_ROLE,
  STEP_ROLES,
} from '../../shared/labels';
import { ItemFileField } from './MaterialFiles';
import { FILE_FORMATS, LEVELS, RULE_KIND, RULE_OPS, type ItemContent } from './model';

/*
 * The editor's sections, one per tab: every element of the 实施清单 as antd form fields, named by their path in the
 * item (`content.materials.2.name`), so an API error path finds its field.
 */

const C = 'content';
/** A section's heading inside a tab. */
export const H3 = { fontSize: 16, fontWeight: 600, margin: '16px 0 12px' } as const;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const UNITS = [
  { value: 'working_day', label: '工作日' },
  { value: 'natural_day', label: '自然日' },
];
const zero = (v: number | null | undefined) => v ?? 0;
const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

/** A list of entries (materials, fees, …): each in its own card with a remove button, an add button under them. */
function ListSection<T>({
  name,
  entry,
  blank,
  addLabel,
  children,
}: {
  name: (string | number)[];
  entry: string;
  blank: T;
  addLabel: string;
  children: (field: FormListFieldData) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={`${entry} ${i + 1}`}
              style={{ marginBottom: 12 }}
              extra={
                <Button size="small" danger type="link" onClick={() => remove(field.name)}>
                  删除{entry} {i + 1}
                </Button>
              }
            >
              {children(field)}
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" onClick={() => add(structuredClone(blank))} block>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** A list of texts (acceptance conditions): one text area each. */
function TextList({ name, entry, addLabel }: { name: (string | number)[]; entry: string; addLabel: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Row key={field.key} gutter={8} align="top" wrap={false}>
              <Col flex="auto">
                <Form.Item name={field.name} label={`${entry} ${i + 1}`}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                </Form.Item>
              </Col>
              <Col>
                <Button danger type="link" onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                  删除
                </Button>
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" onClick={() => add('')} block>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function BasicSection({ departments, firstEdition }: { departments: Department[]; firstEdition: boolean }) {
  const departmentOptions = departments.map((d) => ({ value: d.code, label: d.name }));
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item
          name="name"
          label="事项名称"
          rules={[
            { required: true, whitespace: true, message: '请填写事项名称' },
            { min: 2, max: 100, message: '事项名称应为 2～100 个字' },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="basicCode"
          label="基本编码"
          extra={firstEdition ? '12 位数字或大写字母' : '后续版本沿用第一版的基本编码'}
          rules={[{ required: true, pattern: /^[0-9A-Z]{12}$/, message: '基本编码应为 12 位数字或大写字母' }]}
        >
          <Input maxLength={12} disabled={!firstEdition} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="kind" label="事项类型">
          <Select options={ITEM_KINDS.map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="handlingCategory" label="办件类型">
          <Select options={options(HANDLING_CATEGORY)} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="department" label="实施部门">
          <Select options={departmentOptions} showSearch optionFilterProp="label" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name={[C, 'implementationCode']}
          label="实施编码"
          extra="31 位：实施主体统一社会信用代码＋层级＋基本编码"
        >
          <Input maxLength={31} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={[C, 'level']} label="层级">
          <Select options={[{ value: 0, label: '未填写' }, ...LEVELS.map(([value, label]) => ({ value, label }))]} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={[C, 'localCodes']} label="地方编码" extra="可填多个，输入后按回车">
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={[C, 'serviceObject']} label="服务对象">
          <Select options={options(SERVICE_OBJECT)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={[C, 'onlineDepth']} label="网办深度">
          <Select options={options(ONLINE_DEPTH)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={[C, 'deliveryOptions']} label="送达方式">
          <Checkbox.Group options={options(DELIVERY)} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={[C, 'coDepartments']} label="协办部门" extra="仅联办件填写">
          <Select mode="multiple" options={departmentOptions} optionFilterProp="label" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function ConditionsSection() {
  return (
    <>
      <h2 style={H3}>设定依据</h2>
      <ListSection
        name={[C, 'legalBases']}
        entry="依据"
        addLabel="添加设定依据"
        blank={{ law: '', article: '', text: '' }}
      >
        {(f) => (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name={[f.name, 'law']} label="法律法规名称">
                <Input />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'article']} label="条款">
                <Input />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={[f.name, 'text']} label="条文">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ListSection>
      <h2 style={H3}>受理条件</h2>
      <TextList name={[C, 'acceptanceConditions']} entry="条件" addLabel="添加受理条件" />
    </>
  );
}

const BLANK_MATERIAL: ItemContent['materials'][number] = {
  id: '',
  name: '',
  required: true,
  condition: '',
  form: 'original',
  originalCount: 1,
  copyCount: 0,
  formats: [],
  maxSizeKb: 0,
  blankFormFileId: '',
  sampleFileId: '',
  notes: '',
  satisfiedByLicenceType: '',
};

/** The switch's “按情形” in white on a grey dark enough to read (antd's default grey fails axe's contrast check). */
const READABLE_SWITCH = { components: { Switch: { colorTextQuaternary: 'rgba(0, 0, 0, 0.6)' } } };

export function MaterialsSection({ tenant, readOnly }: { tenant: string; readOnly: boolean }) {
  return (
    <ConfigProvider theme={READABLE_SWITCH}>
      <ListSection name={[C, 'materials']} entry="材料" addLabel="添加申请材料" blank={BLANK_MATERIAL}>
        {(f) => (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name={[f.name, 'name']} label="材料名称">
                <Input />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name={[f.name, 'id']}
                label="材料标识"
                extra="小写字母开头，如 business-licence（预审规则引用）"
              >
                <Input />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name={[f.name, 'required']} label="是否必需" valuePropName="checked">
                <Switch checkedChildren="必需" unCheckedChildren="按情形" />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name={[f.name, 'form']} label="材料形式">
                <Select options={options(MATERIAL_FORM)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[f.name, 'originalCount']} label="原件份数" normalize={zero}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[f.name, 'copyCount']} label="复印件份数" normalize={zero}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={[f.name, 'condition']} label="提交情形（非必需材料填写）">
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'formats']} label="电子件格式">
                <Select mode="multiple" options={FILE_FORMATS.map((v) => ({ value: v, label: v }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'maxSizeKb']} label="电子件大小上限（KB）" normalize={zero}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'blankFormFileId']} label="空白表格">
                <ItemFileField
                  path={[C, 'materials', f.name, 'blankFormFileId']}
                  label="空白表格"
                  tenant={tenant}
                  readOnly={readOnly}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'sampleFileId']} label="示范文本">
                <ItemFileField
                  path={[C, 'materials', f.name, 'sampleFileId']}
                  label="示范文本"
                  tenant={tenant}
                  readOnly={readOnly}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'satisfiedByLicenceType']} label="可由此类证照代替">
                <Input />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={[f.name, 'notes']} label="备注">
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ListSection>
    </ConfigProvider>
  );
}

function Limit({ name, label }: { name: string; label: string }) {
  return (
    <Row gutter={8}>
      <Col span={12}>
        <Form.Item name={[C, name, 'days']} label={`${label}（天数）`} normalize={zero}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[C, name, 'unit']} label={`${label}单位`}>
          <Select options={UNITS} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function LimitsSection() {
  return (
    <>
      <Row gutter={16}>
        <Col {...half}>
          <Limit name="statutoryLimit" label="法定办结时限" />
        </Col>
        <Col {...half}>
          <Limit name="promisedLimit" label="承诺办结时限" />
        </Col>
        <Col {...half}>
          <Form.Item name={[C, 'visits']} label="到办事现场次数" normalize={zero}>
            <InputNumber min={0} max={2} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={[C, 'promiseExceptionReason']} label="承诺时限超过法定时限70%的理由">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      <h2 style={H3}>特别程序</h2>
      <ListSection
        name={[C, 'specialProcedures']}
        entry="特别程序"
        addLabel="添加特别程序"
        blank={{ name: '', legalBasis: '', planned: { days: 0, unit: 'working_day' } }}
      >
        {(f) => (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name={[f.name, 'name']} label="程序名称">
                <Input />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'legalBasis']} label="设定依据">
                <Input />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'planned', 'days']} label="计划时限（天数）" normalize={zero}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'planned', 'unit']} label="计划时限单位">
                <Select options={UNITS} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ListSection>
      <h2 style={H3}>收费</h2>
      <ListSection
        name={[C, 'fees']}
        entry="收费项目"
        addLabel="添加收费项目"
        blank={{ name: '', legalBasis: '', amountFen: 0, formula: '', reductions: '', feeCode: '' }}
      >
        {(f) => (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name={[f.name, 'name']} label="收费项目名称">
                <Input />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'legalBasis']} label="收费依据">
                <Input />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name={[f.name, 'amountFen']}
                label="金额（元）"
                extra="按公式计算时填 0"
                getValueProps={(fen: number | undefined) => ({ value: fen === undefined ? undefined : fen / 100 })}
                normalize={(yuan: number | null) => Math.round((yuan ?? 0) * 100)}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[f.name, 'formula']} label="计算公式">
                <Input />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name={[f.name, 'feeCode']}
                label="收费项目库编码"
                extra="收费项目库中的编码，如 BDCDJ-ZZ；核定收费时据此确定执收单位和收费标准"
              >
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={[f.name, 'reductions']} label="减免政策">
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </ListSection>
    </>
  );
}

export function WorkflowSection() {
  return (
    <ListSection
      name={[C, 'workflow']}
      entry="环节"
      addLabel="添加办理环节"
      blank={{ name: '', role: 'window_clerk', budgetWorkingDays: 1, responsibleName: '', responsiblePhone: '' }}
    >
      {(f) => (
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item name={[f.name, 'name']} label="环节名称">
              <Input />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name={[f.name, 'role']} label="办理角色">
              <Select options={STEP_ROLES.map((r) => ({ value: r, label: STAFF_ROLE[r] }))} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name={[f.name, 'budgetWorkingDays']} label="环节时限（工作日）" normalize={zero}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name={[f.name, 'responsibleName']} label="责任人">
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name={[f.name, 'responsiblePhone']} label="责任人电话">
              <Input />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}

export function ServiceSection() {
  return (
    <>
      <h2 style={H3}>办理地点与时间</h2>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={[C, 'location', 'windowLocation']} label="办理窗口位置">
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={[C, 'location', 'hours']} label="办理时间">
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={[C, 'location', 'consultationPhone']} label="咨询电话">
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={[C, 'location', 'complaintPhone']} label="投诉电话">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <h2 style={H3}>常见问题</h2>
      <ListSection name={[C, 'faq']} entry="问题" addLabel="添加常见问题" blank={{ question: '', answer: '' }}>
        {(f) => (
          <>
            <Form.Item name={[f.name, 'question']} label="问题">
              <Input />
            </Form.Item>
            <Form.Item name={[f.name, 'answer']} label="解答">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
          </>
        )}
      </ListSection>
    </>
  );
}

const BLANK_RULE: ItemContent['preReviewRules'][number] = {
  id: '',
  kind: 'field_compare',
  field: '',
  op: 'present',
  value: '',
  materialId: '',
  licenceType: '',
  message: '',
};

/** One rule's fields: which ones depends on its kind (a field, a material or a licence type). */
function RuleFields({
  field,
  fieldPaths,
  materialIds,
}: {
  field: FormListFieldData;
  fieldPaths: string[];
  materialIds: string[];
}) {
  const kind = Form.useWatch([C, 'preReviewRules', field.name, 'kind']) as string | undefined;
  const onField = kind === 'field_compare' || kind === 'field_resident_id' || kind === 'field_credit_code';
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name={[field.name, 'id']} label="规则标识" extra="事项内唯一，如 premises-area">
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={[field.name, 'kind']} label="规则类型">
          <Select options={options(RULE_KIND)} />
        </Form.Item>
      </Col>
      {onField ? (
        <Col {...half}>
          <Form.Item name={[field.name, 'field']} label="表单字段" extra="表单中的字段路径，如 premises.area">
            <AutoComplete options={fieldPaths.map((p) => ({ value: p }))} filterOption />
          </Form.Item>
        </Col>
      ) : null}
      {kind === 'field_compare' ? (
        <>
          <Col xs={24} md={6}>
            <Form.Item name={[field.name, 'op']} label="比较运算">
              <Select options={RULE_OPS.map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={[field.name, 'value']} label="比较值（JSON）" extra='如 0、"是"、["A","B"]'>
              <Input />
            </Form.Item>
          </Col>
        </>
      ) : null}
      {kind === 'material_present' ? (
        <Col {...half}>
          <Form.Item name={[field.name, 'materialId']} label="材料">
            <Select options={materialIds.map((id) => ({ value: id, label: id }))} />
          </Form.Item>
        </Col>
      ) : null}
      {kind === 'licence_valid' ? (
        <Col {...half}>
          <Form.Item name={[field.name, 'licenceType']} label="证照类型">
            <Input />
          </Form.Item>
        </Col>
      ) : null}
      <Col span={24}>
        <Form.Item name={[field.name, 'message']} label="不通过时给申请人的提示">
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function RulesSection({ fieldPaths, materialIds }: { fieldPaths: string[]; materialIds: string[] }) {
  return (
    <>
      <p style={{ color: 'rgba(0,0,0,0.65)' }}>
        申请人提交时自动检查这些规则；不通过的，提示随一次性告知内容显示给申请人。
      </p>
      <ListSection name={[C, 'preReviewRules']} entry="规则" addLabel="添加预审规则" blank={BLANK_RULE}>
        {(f) => <RuleFields field={f} fieldPaths={fieldPaths} materialIds={materialIds} />}
      </ListSection>
    </>
  );
}
