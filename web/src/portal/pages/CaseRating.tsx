import { RECTIFICATION_OUTCOME_RATER_NAMES, type RectificationOutcomeCode } from '@govhall/labels';
import { useState } from 'react';
import { Button, Card, Descriptions, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Case } from '../../api/types';
import { dateTime } from '../../shared/format';
import { RatingForm } from '../../shared/RatingForm';
import { RATING_CHANNELS } from '../../shared/rating-levels';
import { ApiError } from '../../shared/problem';
import { ErrorAlert, Loading, useLoad } from '../../shared/states';

/** The statuses of a completed case (办结): it may be rated. */
const RATED_STATUSES: readonly Case['status'][] = ['completed', 'delivered', 'archived'];

type Rated = Extract<Awaited<ReturnType<typeof readRating>>, { rating: unknown }>;
type Rating = Rated['rating'];

/**
 * The case's rating with a bad rating's rectification; null when it may be rated now; 'pending' while its completion
 * has not reached the service.
 */
async function readRating(caseId: string) {
  try {
    return await call(api.GET('/api/v1/ratings/cases/{caseId}', { params: { path: { caseId } } }));
  } catch (e) {
    if (e instanceof ApiError && e.problem.code === 'RATING_NOT_FOUND') return null;
    if (e instanceof ApiError && ['CASE_NOT_COMPLETED', 'CASE_NOT_FOUND'].includes(e.problem.code)) return 'pending';
    throw e;
  }
}

/**
 * 评价 of a completed case (一事一评): once, five levels, a reason for 不满意 and 非常不满意. Asked for only when the
 * applicant opens it: the case page itself never waits for the ratings.
 */
export function CaseRating({ c }: { c: Case }) {
  const [opened, setOpened] = useState(false);
  const ratable = RATED_STATUSES.includes(c.status);
  const loaded = useLoad(
    () => (ratable && opened ? readRating(c.id) : Promise.resolve(undefined)),
    [c.id, ratable, opened],
  );
  const [given, setGiven] = useState<Rated | null>(null);
  if (!ratable) return null;
  const state = given ?? loaded.data;
  return (
    <Card title="评价本次服务" style={{ marginBottom: 16 }}>
      {!opened ? (
        <Typography.Paragraph>
          办件已办结，欢迎对本次服务作出评价（每件办件评价一次）。{' '}
          <Button type="primary" onClick={() => setOpened(true)}>
            评价或查看评价
          </Button>
        </Typography.Paragraph>
      ) : null}
      {opened && loaded.loading && state === undefined ? <Loading text="正在读取评价…" /> : null}
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {state === 'pending' ? (
        <Typography.Paragraph>
          办结信息正在同步，稍后即可评价。{' '}
          <Button size="small" onClick={loaded.reload}>
            刷新
          </Button>
        </Typography.Paragraph>
      ) : null}
      {state && state !== 'pending' ? <GivenRating rated={state} /> : null}
      {opened && state === null && !loaded.loading && !loaded.error ? (
        <CaseRatingForm caseId={c.id} onRated={(rating) => setGiven({ rating, rectification: null })} />
      ) : null}
    </Card>
  );
}

/** 差评整改 as the rater reads it: being handled, or the outcome they are told. */
function RectificationLine({ rated }: { rated: Rated }) {
  const r = rated.rectification;
  if (!rated.rating.rectificationId) return null;
  if (!r || r.status === 'open') {
    return (
      <Descriptions.Item label="差评整改">
        您的意见已转被评价部门整改，工作人员将在15个工作日内回访并告知整改结果。
      </Descriptions.Item>
    );
  }
  const how = RECTIFICATION_OUTCOME_RATER_NAMES[r.outcome as RectificationOutcomeCode] ?? '已办结';
  return (
    <Descriptions.Item label="整改结果">
      {how}
      {r.fixBy ? `（${r.fixBy}前完成）` : ''}：{r.text}
      {r.closedAt ? `（${dateTime(r.closedAt)}）` : ''}
    </Descriptions.Item>
  );
}

function GivenRating({ rated }: { rated: Rated }) {
  const { rating } = rated;
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label="评价">
        <span aria-hidden="true" style={{ color: '#d48806' }}>
          {'★'.repeat(rating.level)}
          {'☆'.repeat(5 - rating.level)}
        </span>{' '}
        <span data-rating-level={rating.level}>{rating.levelName}</span>
      </Descriptions.Item>
      {rating.reason ? <Descriptions.Item label="理由">{rating.reason}</Descriptions.Item> : null}
      <Descriptions.Item label="评价方式">
        {RATING_CHANNELS[rating.channel] ?? rating.channel}（{dateTime(rating.ratedAt)}）
      </Descriptions.Item>
      {RectificationLine({ rated })}
    </Descriptions>
  );
}

function CaseRatingForm({ caseId, onRated }: { caseId: string; onRated: (r: Rating) => void }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        办件已办结，请对本次服务作出评价。每件办件只能评价一次；办结后7日内未评价的，视为“基本满意”。
      </Typography.Paragraph>
      <RatingForm
        send={async (body) =>
          onRated(
            (await call(api.POST('/api/v1/ratings/cases/{caseId}', { params: { path: { caseId } }, body }))).rating,
          )
        }
      />
    </>
  );
}
