import { law } from './build';

/**
 * Legal bases several seed items share. Where a statute sets no decision limit of its own, the seed uses the
 * 行政许可法 §42 default of 20 working days for the statutory limit and says so beside the item.
 */

export const LICENSING_LAW = '《中华人民共和国行政许可法》';

export const LICENSING_DEFAULT_LIMIT = law(
  LICENSING_LAW,
  '第四十二条第一款',
  '除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出决定的，' +
    '经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。但是，法律、法规另有规定的，依照其规定。',
);

export const LICENSING_JOINT_HANDLING = law(
  LICENSING_LAW,
  '第二十六条第二款',
  '行政许可依法由地方人民政府两个以上部门分别实施的，本级人民政府可以确定一个部门受理行政许可申请并转告有关部门分别提出意见后' +
    '统一办理，或者组织有关部门联合办理、集中办理。',
);

export const LICENSING_JOINT_LIMIT = law(
  LICENSING_LAW,
  '第四十二条第二款',
  '依照本法第二十六条的规定，行政许可采取统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；四十五日内不能办结的，' +
    '经本级人民政府负责人批准，可以延长十五日，并应当将延长期限的理由告知申请人。',
);

/** Text of §45, cited by special procedures (expert review, testing …) that stop the clock. */
export const LICENSING_SPECIAL_PROCEDURES = `${LICENSING_LAW}第四十五条`;

export const MARKET_REGISTRATION_LIMIT = law(
  '《中华人民共和国市场主体登记管理条例》',
  '第十九条',
  '登记机关应当对申请材料进行形式审查。对申请材料齐全、符合法定形式的予以确认并当场登记。不能当场登记的，应当在3个工作日内' +
    '予以登记；情形复杂的，经登记机关负责人批准，可以再延长3个工作日。',
);

export const MARKET_REGISTRATION_REQUIRED = law(
  '《中华人民共和国市场主体登记管理条例》',
  '第三条第一款',
  '市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事经营活动。法律、行政法规规定无需办理登记的除外。',
);

export const FOOD_SAFETY_LICENSING = law(
  '《中华人民共和国食品安全法》',
  '第三十五条第一款',
  '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，' +
    '不需要取得许可。仅销售预包装食品的，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。',
);

export const PUBLIC_PLACE_HYGIENE_LICENCE = law(
  '《公共场所卫生管理条例》',
  '第八条',
  '除公园、体育场（馆）、公共交通工具外的公共场所，经营单位应当及时向卫生行政部门申请办理“卫生许可证”。',
);

export const URBAN_DRAINAGE_PERMIT = law(
  '《城镇排水与污水处理条例》',
  '第二十一条第一款',
  '从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户（以下称排水户）向城镇排水设施排放污水的，应当向城镇排水主管部门' +
    '申请领取污水排入排水管网许可证。',
);

export const ROAD_FREIGHT_APPLICATION = law(
  '《中华人民共和国道路运输条例》',
  '第二十四条',
  '申请从事货运经营的，应当依法向市场监督管理部门办理有关登记手续后，按照下列规定提出申请……：（一）从事危险货物运输经营以外的' +
    '货运经营的，向县级人民政府交通运输主管部门提出申请；（二）从事危险货物运输经营的，向设区的市级人民政府交通运输主管部门提出' +
    '申请。依照前款规定收到申请的交通运输主管部门，应当自受理申请之日起20日内审查完毕，作出许可或者不予许可的决定。……使用总质量4500千克及以下' +
    '普通货运车辆从事普通货运经营的，无需申请取得道路运输经营许可证及车辆营运证。',
);

export const SOCIAL_INSURANCE_RURAL_PENSION = law(
  '《中华人民共和国社会保险法》',
  '第二十一条、第二十二条',
  '新型农村社会养老保险待遇由基础养老金和个人账户养老金组成。参加新型农村社会养老保险的农村居民，符合国家规定条件的，按月领取' +
    '新型农村社会养老保险待遇。国家建立和完善城镇居民社会养老保险制度。省、自治区、直辖市人民政府根据实际情况，可以将城镇居民' +
    '社会养老保险和新型农村社会养老保险合并实施。',
);
