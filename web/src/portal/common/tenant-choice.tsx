import { useTenant } from '../tenant';
import { NativeSelect } from '../../shared/native-select';

/** The portal's region, chosen here as on the home page (remembered on this device). */
export function TenantChoice({ id, label }: { id: string; label: string }) {
  const { tenants, current, choose } = useTenant();
  return (
    <div style={{ marginBottom: 16, maxWidth: 320 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <NativeSelect
        id={id}
        value={current?.code ?? ''}
        onChange={(e) => choose(e.target.value || undefined)}
        options={tenants.map((t) => ({ value: t.code, label: t.name }))}
      />
    </div>
  );
}
