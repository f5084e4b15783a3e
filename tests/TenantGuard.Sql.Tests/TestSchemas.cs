using TenantGuard.Sql;

namespace TenantGuard.Sql.Tests
{
    /// <summary>Schemas the tests check SQL against.</summary>
    internal static class TestSchemas
    {
        /// <summary>orders, order_items, customers, invoices, embeddings are tenant-owned; countries and plans are global.</summary>
        public static readonly TenantSchema Shop = new TenantSchema(
            "tenant_id",
            new[]
            {
                QualifiedName.Parse("orders"),
                QualifiedName.Parse("order_items"),
                QualifiedName.Parse("customers"),
                QualifiedName.Parse("app.invoices"),
                QualifiedName.Parse("embeddings"),
                QualifiedName.Parse("webpages_pagetheme"),
            },
            new[] { QualifiedName.Parse("countries"), QualifiedName.Parse("plans") });

        public static SqlCheckResult Check(string sql, SqlCheckOptions? options = null) => TenantSqlChecker.Check(sql, Shop, options);

        /// <summary>Applies edits from last to first, as the contract says.</summary>
        public static string Apply(string text, System.Collections.Generic.IReadOnlyList<SqlTextEdit> edits)
        {
            var sorted = new System.Collections.Generic.List<SqlTextEdit>(edits);
            sorted.Sort((a, b) => b.Start.CompareTo(a.Start));
            foreach (var edit in sorted)
            {
                text = text.Substring(0, edit.Start) + edit.NewText + text.Substring(edit.Start + edit.Length);
            }

            return text;
        }
    }
}
