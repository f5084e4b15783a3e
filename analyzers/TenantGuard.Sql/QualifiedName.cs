using System;

namespace TenantGuard.Sql
{
    /// <summary>
    /// A possibly schema-qualified table name. Unquoted identifiers are folded to lower case, quoted ones kept verbatim,
    /// exactly as PostgreSQL resolves them.
    /// </summary>
    public readonly struct QualifiedName : IEquatable<QualifiedName>
    {
        public QualifiedName(string? schema, string name)
        {
            Schema = string.IsNullOrEmpty(schema) ? null : schema;
            Name = name ?? string.Empty;
        }

        public string? Schema { get; }

        public string Name { get; }

        /// <summary>Reads "public.orders", "\"Orders\"" or "orders" the way PostgreSQL would.</summary>
        public static QualifiedName Parse(string text) => QualifiedNameParser.Parse(text);

        public bool Equals(QualifiedName other) =>
            string.Equals(Schema, other.Schema, StringComparison.Ordinal) &&
            string.Equals(Name, other.Name, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is QualifiedName other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var schemaHash = Schema == null ? 0 : StringComparer.Ordinal.GetHashCode(Schema);
                return (schemaHash * 397) ^ StringComparer.Ordinal.GetHashCode(Name ?? string.Empty);
            }
        }

        public static bool operator ==(QualifiedName left, QualifiedName right) => left.Equals(right);

        public static bool operator !=(QualifiedName left, QualifiedName right) => !left.Equals(right);

        public override string ToString() => Schema == null ? Name ?? string.Empty : Schema + "." + Name;
    }
}
