export * from './gen/govhall/joint_review/v1/joint_review_service';
