import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { paths } from '../api/schema';
import { coverage, per10000 } from './satisfaction-format';

export type SatisfactionAnswer =
  paths['/api/v1/ratings/satisfaction']['get']['responses'][200]['content']['application/json'];

/** 满意度统计's figures (C6, C2): the totals, the satisfied share, coverage, the defaults, and each level's count. */
export function SatisfactionFigures({ s }: { s: SatisfactionAnswer }) {
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="评价总数" value={s.total} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="满意率（基本满意及以上）" value={per10000(s.satisfiedPer10000, s.total)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="办结办件评价覆盖率" value={coverage(s.ratedCases, s.completedCases)} />
            <Typography.Text type="secondary">
              办结 {s.completedCases} 件，本人评价 {s.ratedCases} 件
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="默认评价" value={s.defaultRatings} />
          </Card>
        </Col>
      </Row>
      <Table
        size="small"
        rowKey="level"
        pagination={false}
        dataSource={s.levels}
        aria-label="各等级评价数"
        columns={[
          { title: '评价等级', dataIndex: 'levelName' },
          { title: '评价数', dataIndex: 'count', align: 'right' },
        ]}
      />
    </>
  );
}
