using System;
using System.Linq;
using System.Text;
using TenantGuard.Sql.Analysis;

namespace TenantGuard.Sql.Tests
{
    /// <summary>
    /// The reader runs on half-typed SQL in the editor: nothing may throw, whatever the text. These call the internal
    /// collectors, below the public entry points' last-resort catch, so any exception fails the test.
    /// </summary>
    public class RobustnessTests
    {
        private static SqlCheckResult Check(string sql, SqlCheckOptions? options = null) =>
            TenantFactsCollector.Collect(sql, TestSchemas.Shop, options ?? new SqlCheckOptions());

        private static MigrationSchemaResult Read(string sql) => MigrationSchemaTracker.Read(sql, "tenant_id");

        private static readonly string[] Fragments =
        {
            "SELECT", "*", "FROM", "orders", "o", "WHERE", "tenant_id", "=", "$1", "@t", ":p", "{0}", "AND", "OR", "NOT", "(", ")",
            "[", "]", ",", ";", ".", "::", "uuid", "'", "'x'", "\"", "E'\\'", "$$", "$a$", "--", "/*", "*/", "JOIN", "LEFT", "ON",
            "USING", "WITH", "AS", "UNION", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "LOCAL", "set_config", "CASE",
            "WHEN", "THEN", "END", "IN", "EXISTS", "BETWEEN", "IS", "NULL", "CREATE", "TABLE", "ALTER", "DROP", "ADD", "COLUMN",
            "PARTITION", "OF", "LATERAL", "ORDER", "BY", "LIMIT", "RETURNING", "ON CONFLICT", "DO", "BEGIN ATOMIC", "\\", "?", "\n",
            "ANY", "ARRAY", "CAST", "FILTER", "OVER", "->>", "<->", "1.5e", "U&\"", "B'", "x", "current_setting", "RECURSIVE",
        };

        private static readonly string[] Statements =
        {
            "SELECT o.id, (SELECT count(*) FROM order_items i WHERE i.order_id = o.id AND i.tenant_id = o.tenant_id) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.tenant_id = @t::uuid AND (o.total > 10 OR o.flag) ORDER BY o.id LIMIT 5;",
            "WITH RECURSIVE t AS (SELECT * FROM orders WHERE tenant_id = $1 UNION ALL SELECT o.* FROM orders o JOIN t ON t.id = o.parent) UPDATE customers SET x = 1 FROM t WHERE t.id = customers.id RETURNING *;",
            "INSERT INTO orders (id, total) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total; SET LOCAL app.tenant = $1; SELECT set_config('app.t', $1, false);",
            "CREATE TABLE IF NOT EXISTS x (id int, tenant_id uuid, CONSTRAINT c CHECK (id > 0)) PARTITION BY RANGE (id); ALTER TABLE x RENAME TO y; DROP TABLE y;",
        };

        [Fact]
        public void Random_fragment_soup_never_throws()
        {
            var random = new Random(20240601);
            var options = new SqlCheckOptions { InterpolationHoles = true };
            for (var i = 0; i < 3000; i++)
            {
                var builder = new StringBuilder();
                var count = random.Next(1, 40);
                for (var j = 0; j < count; j++)
                {
                    builder.Append(Fragments[random.Next(Fragments.Length)]).Append(random.Next(4) == 0 ? string.Empty : " ");
                }

                var sql = builder.ToString();
                var result = Check(sql, options);
                Assert.NotNull(result.Violations);
                foreach (var violation in result.Violations)
                {
                    foreach (var edit in violation.CreateTenantPredicateEdits("@t"))
                    {
                        Assert.InRange(edit.Start, 0, sql.Length);
                    }
                }

                Assert.NotNull(Read(sql).AllTables);
            }
        }

        [Fact]
        public void Every_truncation_of_real_statements_never_throws()
        {
            foreach (var statement in Statements)
            {
                for (var length = 0; length <= statement.Length; length++)
                {
                    var sql = statement.Substring(0, length);
                    var result = Check(sql);
                    Assert.NotNull(result.SessionScopedSettings);
                    Assert.NotNull(Read(sql).Problems);
                }
            }
        }

        [Fact]
        public void Random_characters_never_throw()
        {
            var random = new Random(7);
            const string alphabet = "abcSELECT FROM()[]{}$@:;'\"\\-/*.,=<>!|&#%^~?0123456789\n\t";
            for (var i = 0; i < 2000; i++)
            {
                var chars = new char[random.Next(0, 60)];
                for (var j = 0; j < chars.Length; j++)
                {
                    chars[j] = alphabet[random.Next(alphabet.Length)];
                }

                var result = Check(new string(chars), new SqlCheckOptions { InterpolationHoles = i % 2 == 0 });
                Assert.NotNull(result.TenantTablesReferenced);
            }
        }

        [Fact]
        public void Very_deep_nesting_does_not_overflow_the_stack()
        {
            var sql = "SELECT * FROM orders WHERE " + new string('(', 20000) + "tenant_id = $1" + new string(')', 20000);
            var result = Check(sql);
            Assert.False(result.IsFullyParsed);
            Assert.Empty(result.Violations);
        }

        [Fact]
        public void Long_not_chain_does_not_overflow_the_stack()
        {
            var builder = new StringBuilder("SELECT * FROM orders WHERE ");
            for (var i = 0; i < 20000; i++)
            {
                builder.Append("NOT ");
            }

            builder.Append("true");
            Assert.False(Check(builder.ToString()).IsFullyParsed);
        }

        [Fact]
        public void Long_and_chain_is_read()
        {
            var builder = new StringBuilder("SELECT * FROM orders WHERE tenant_id = $1");
            for (var i = 0; i < 5000; i++)
            {
                builder.Append(" AND c").Append(i).Append(" = ").Append(i);
            }

            var result = Check(builder.ToString());
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.Violations);
        }
    
        [Fact]
        public void Very_long_union_chain_is_unreadable_not_a_crash()
        {
            var sql = string.Join(" UNION ALL ", Enumerable.Repeat("SELECT id FROM orders WHERE tenant_id = $1", 5000));
            var result = Check(sql);
            Assert.False(result.IsFullyParsed);
            Assert.Empty(result.Violations);
        }

        [Fact]
        public void Very_long_join_chain_is_unreadable_not_a_crash()
        {
            var sql = "SELECT * FROM orders o0" + string.Concat(Enumerable.Range(1, 5000).Select(i => " JOIN orders o" + i + " ON true"));
            Assert.False(Check(sql).IsFullyParsed);
        }

        [Fact]
        public void Hundreds_of_unions_are_still_read()
        {
            var sql = string.Join(" UNION ALL ", Enumerable.Repeat("SELECT id FROM orders WHERE tenant_id = $1", 300)) + " UNION SELECT id FROM customers";
            var result = Check(sql);
            Assert.True(result.IsFullyParsed);
            Assert.Equal("customers", Assert.Single(result.Violations).Table.ToString());
        }

        [Fact]
        public void Very_long_and_and_cast_chains_do_not_overflow_the_stack()
        {
            var ands = "SELECT * FROM orders WHERE tenant_id = $1" + string.Concat(Enumerable.Repeat(" AND x = 1", 50000));
            Assert.Empty(Check(ands).Violations);
            var casts = "SELECT * FROM orders WHERE tenant_id = $1" + string.Concat(Enumerable.Repeat("::text", 50000));
            Assert.Empty(Check(casts).Violations);
        }
    }
}
