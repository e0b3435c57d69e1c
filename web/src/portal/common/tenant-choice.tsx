import { useTenant } from '../tenant';
import { NATIVE_SELECT } from '../../shared/native-select';

/** The portal's region, chosen here as on the home page (remembered on this device). */
export function TenantChoice({ id, label }: { id: string; label: string }) {
  const { tenants, current, choose } = useTenant();
  return (
    <div style={{ marginBottom: 16, maxWidth: 320 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <select
        id={id}
        style={NATIVE_SELECT}
        value={current?.code ?? ''}
        onChange={(e) => choose(e.target.value || undefined)}
      >
        <option value="">请选择</option>
        {tenants.map((t) => (
          <option key={t.code} value={t.code}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}
