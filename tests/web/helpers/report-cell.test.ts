import { formatReportCell, formatShare } from '../../../src/web/helpers/report-cell';

describe('formatReportCell', () => {
  it('share › two significant digits however small: $5.576M of $52.535B is 0.011%, not 0.0%', () => {
    expect(formatShare(5_576_000 / 52_535_000_000)).toBe('0.011%');
    expect(formatReportCell(0.0123, 'share')).toBe('1.2%');
    expect(formatReportCell(0.5, 'share')).toBe('50.0%');
    expect(formatReportCell(null, 'share')).toBe('—');
  });
  it('scientific › powers of ten, four significant digits, no trailing zeros: 3.12e14, 8.4e22, 3.408e24', () => {
    expect(formatReportCell(312e12, 'scientific')).toBe('3.12e14');
    expect(formatReportCell(8.4e22, 'scientific')).toBe('8.4e22');
    expect(formatReportCell(3.4078e24, 'scientific')).toBe('3.408e24');
  });
  it('year › no thousands separator: 2024, never 2,024', () => {
    expect(formatReportCell(2024, 'year')).toBe('2024');
  });
});
