export interface TableHeadProps {
  columns: string[];
}

export function TableHead({ columns }: TableHeadProps) {
  return (
    <thead className="text-muted text-xs">
      <tr>
        {columns.map((h, i) => (
          <th key={h || `col-${i}`} scope="col" className="px-4 py-2 font-medium">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
