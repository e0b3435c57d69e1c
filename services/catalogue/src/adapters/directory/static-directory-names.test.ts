import { StaticDirectoryNames } from './static-directory-names';

describe('StaticDirectoryNames', () => {
  const names = new StaticDirectoryNames();

  it('names the seeded tenants and their departments after the tenant', () => {
    expect(names.tenantName('620321')).toBe('永昌县');
    expect(names.departmentName('620321-SCJG')).toBe('永昌县市场监督管理局');
    expect(names.departmentName('620102-RSJ')).toBe('城关区人力资源和社会保障局');
    expect(names.departmentName('620123-ZRZY')).toBe('榆中县自然资源局');
    expect(names.departmentName('620302-ZJJ')).toBe('金川区住房和城乡建设局');
  });

  it('calls a city health department 卫生健康委员会 and a county one 卫生健康局', () => {
    expect(names.departmentName('620300-WJW')).toBe('金昌市卫生健康委员会');
    expect(names.departmentName('620321-WJW')).toBe('永昌县卫生健康局');
  });

  it('names the departments the catalogue seed adds, vertical ones included', () => {
    expect(names.departmentName('620321-JTYS')).toBe('永昌县交通运输局');
    expect(names.departmentName('620321-SWJ')).toBe('国家税务总局永昌县税务局');
    expect(names.departmentName('620321-STHJ')).toBe('金昌市生态环境局永昌分局');
    expect(names.departmentName('620300-STHJ')).toBe('金昌市生态环境局');
  });

  it('shows an unknown code as itself', () => {
    expect(names.tenantName('629999')).toBe('629999');
    expect(names.departmentName('620321-XYZ')).toBe('620321-XYZ');
    expect(names.departmentName('620321')).toBe('620321');
    expect(names.departmentName('629999-SCJG')).toBe('629999-SCJG');
  });

  it('gives the seeded service center, and nothing for an unknown tenant', () => {
    expect(names.serviceCenter('620100')).toEqual({
      windowLocation: '兰州市政务服务中心（甘肃省兰州市城关区北滨河东路）',
      hours: '周一至周五 9:00-12:00 14:30-18:00（法定节假日除外）',
      consultationPhone: '0931-12345',
      complaintPhone: '0931-12345',
    });
    expect(names.serviceCenter('629999')).toBeUndefined();
  });
});
