import { maskPhone } from './mask';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
  it('keeps the area code and the last 4 digits of a landline', () => {
    expect(maskPhone('0935-8212345')).toBe('0935-***2345');
    expect(maskPhone('09358212345')).toBe('0935***2345');
  });
  it('leaves a number the API masked as it is, and says when there is none', () => {
    expect(maskPhone('139****0001')).toBe('139****0001');
    expect(maskPhone(undefined)).toBe('—');
  });
  it('never shows a whole unknown number', () => {
    expect(maskPhone('12345678')).toBe('****5678');
    expect(maskPhone('123')).toBe('****');
  });
});
