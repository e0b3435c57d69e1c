import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Card, Descriptions, Form, type FormInstance } from 'antd';
import { FormMessages } from '../../shared/form-messages';
import { IN_TEXT_LINK } from './form-problem';

/**
 * The form of a public query: its fields, what was refused, 查询, and a pointer to the other query (`seeAlso`: the
 * words before the link, where it goes and its name).
 */
export function QueryCard<A>({
  form,
  query,
  children,
  seeAlso,
}: {
  form: FormInstance<A>;
  query: { submit: (asked: A) => Promise<void>; errors: string[]; busy: boolean };
  children: ReactNode;
  seeAlso: { lead: string; to: string; name: string };
}) {
  return (
    <Card style={{ marginBottom: 16, maxWidth: 640 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void query.submit(v)} requiredMark>
        {children}
        <FormMessages messages={query.errors} />
        <Button type="primary" htmlType="submit" loading={query.busy}>
          查询
        </Button>
      </Form>
      <p style={{ margin: '16px 0 0' }}>
        {seeAlso.lead}
        <Link to={seeAlso.to} style={IN_TEXT_LINK}>
          {seeAlso.name}
        </Link>
        。
      </p>
    </Card>
  );
}

/** A query's answer: its facts (Descriptions items), then what follows them (a timeline, a table). */
export function QueryResult({ facts, children }: { facts: ReactNode; children: ReactNode }) {
  return (
    <Card title="查询结果" aria-live="polite">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 16 }}>
        {facts}
      </Descriptions>
      {children}
    </Card>
  );
}
