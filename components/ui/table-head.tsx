export interface TableHeadColumn {
  label: string;
  /** E.g. `hidden sm:table-cell`, matching the body cells of a column that narrow screens drop. */
  className?: string;
}

export interface TableHeadProps {
  columns: (string | TableHeadColumn)[];
  /** E.g. `max-sm:hidden` for a table whose rows stack as cards on a phone. */
  className?: string;
}

export function TableHead({ columns, className = "" }: TableHeadProps) {
  return (
    <thead className={`text-muted text-xs ${className}`}>
      <tr>
        {columns.map((c, i) => {
          const { label, className = "" } = typeof c === "string" ? { label: c } : c;
          return (
            <th key={label || `col-${i}`} scope="col" className={`px-4 py-2 font-medium ${className}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
