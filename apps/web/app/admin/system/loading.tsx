import { LoadingRows } from '@/components/loading-rows';

export default function Loading() {
  return (
    <div className="card">
      <LoadingRows label="Checking the services…" rows={5} />
    </div>
  );
}
