using Npgsql;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Attacks.Seeding;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Attacks;

[Collection("postgres")]
public sealed class TenantSeederTests(PostgresServerFixture fixture)
{
    private async Task<(SeedResult Seed, TenantDatabase Database, TenantDatabaseTemplate Template)> SeedAsync(string schema, VerifyOptions? options = null)
    {
        var (template, database) = await fixture.CreateDatabaseAsync(new Dictionary<string, string> { ["001_schema.sql"] = schema });
        var target = new AttackTarget(database.AppConnectionString, database.AdminConnectionString, database.AppRole, database.TenantColumn, "app.current_tenant");
        await using var admin = new NpgsqlConnection(database.AdminConnectionString);
        await admin.OpenAsync();
        var schemaModel = await SeedSchemaReader.ReadAsync(admin, database.AppRole, database.TenantColumn, "app.current_tenant", CancellationToken.None);
        var seed = await new TenantSeeder(target, options ?? new VerifyOptions()).SeedAsync(schemaModel, CancellationToken.None);
        return (seed, database, template);
    }

    [Fact]
    public async Task Fills_every_tenant_table_for_every_tenant_parents_first()
    {
        var (seed, database, template) = await SeedAsync(AttackSchemas.Isolated);
        await using var _ = template;
        await using var __ = database;

        Assert.Empty(seed.Unseeded);
        Assert.Equal(3, seed.Tenants.Count);
        var tasks = seed.Schema.Table("public.tasks")!;
        var projects = seed.Schema.Table("public.projects")!;
        foreach (var tenant in seed.Tenants)
        {
            Assert.Equal(2, seed.RowsOf(tasks, tenant).Count);
            var ownProjects = seed.RowsOf(projects, tenant).Select(r => r["id"]).ToHashSet();
            Assert.All(seed.RowsOf(tasks, tenant), task =>
            {
                Assert.Equal(tenant, task["tenant_id"]);
                Assert.Contains(task["project_id"], ownProjects);
                Assert.Equal("open", task["state"]);
            });
        }
    }

    [Fact]
    public async Task A_wide_schema_is_seeded_on_several_connections_level_by_level_with_each_tables_own_fallbacks()
    {
        // 60 independent tables (three groups, on several connections), each with a child one level down; one table
        // whose CHECK the first choice misses (its group's batch fails and it is retried row by row) and one that
        // cannot be filled at all.
        var schema = new System.Text.StringBuilder(AttackSchemas.Tenants);
        for (var i = 0; i < 60; i++)
        {
            schema.AppendLine($"CREATE TABLE item_{i:00} (tenant_id uuid NOT NULL REFERENCES tenants (id), id bigint GENERATED ALWAYS AS IDENTITY, label text NOT NULL, PRIMARY KEY (tenant_id, id));");
            schema.AppendLine($"CREATE TABLE part_{i:00} (tenant_id uuid NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY, item_id bigint NOT NULL, PRIMARY KEY (tenant_id, id), FOREIGN KEY (tenant_id, item_id) REFERENCES item_{i:00} (tenant_id, id));");
        }

        schema.AppendLine("CREATE TABLE fussy (tenant_id uuid NOT NULL REFERENCES tenants (id), note text, CHECK (note IS NOT NULL));");
        schema.AppendLine("CREATE TABLE impossible (tenant_id uuid NOT NULL REFERENCES tenants (id), n integer NOT NULL CHECK (n < 0 AND n > 0));");
        schema.AppendLine("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_user;");
        var (seed, database, template) = await SeedAsync(schema.ToString());
        await using var _ = template;
        await using var __ = database;

        var unseeded = Assert.Single(seed.Unseeded);
        Assert.Equal("public.impossible", unseeded.Table.QualifiedName);
        await using var admin = new NpgsqlConnection(database.AdminConnectionString);
        await admin.OpenAsync();
        foreach (var table in seed.TenantTables.Where(t => t.Name != "impossible"))
        {
            Assert.True(seed.IsSeeded(table), table.QualifiedName);
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table.Sql}", admin);
            Assert.Equal(seed.Tenants.Sum(t => seed.RowsOf(table, t).Count), Convert.ToInt32(await count.ExecuteScalarAsync()));
        }

        var parts = seed.Schema.Table("public.part_42")!;
        var items = seed.Schema.Table("public.item_42")!;
        Assert.All(seed.Tenants, tenant => Assert.All(seed.RowsOf(parts, tenant),
            part => Assert.Contains(part["item_id"], seed.RowsOf(items, tenant).Select(r => r["id"]))));
    }

    [Fact]
    public async Task Names_the_table_it_cannot_fill_and_why()
    {
        var (seed, database, template) = await SeedAsync(AttackSchemas.Isolated + """
            CREATE TABLE search_terms (tenant_id uuid NOT NULL REFERENCES tenants (id), terms tsvector NOT NULL);
            """);
        await using var _ = template;
        await using var __ = database;

        var unseeded = Assert.Single(seed.Unseeded);
        Assert.Equal("public.search_terms", unseeded.Table.QualifiedName);
        Assert.Contains("tsvector", unseeded.Reason);
    }

    [Fact]
    public async Task Reports_the_database_error_when_a_check_constraint_refuses_every_row()
    {
        var (seed, database, template) = await SeedAsync(AttackSchemas.Isolated + """
            CREATE TABLE codes (tenant_id uuid NOT NULL REFERENCES tenants (id), code text NOT NULL CHECK (code ~ '^[A-Z]{3}$'));
            """);
        await using var _ = template;
        await using var __ = database;

        var unseeded = Assert.Single(seed.Unseeded);
        Assert.Contains("23514", unseeded.Reason);
        Assert.Contains("codes_code_check", unseeded.Reason);
    }

    [Fact]
    public async Task Seed_sql_file_fills_what_the_generator_cannot()
    {
        using var directory = new TemporaryDirectory();
        var seedFile = Path.Combine(directory.Path, "seed.sql");
        await File.WriteAllTextAsync(seedFile, "INSERT INTO codes (tenant_id, code) VALUES ({{tenant}}, 'ABC');");
        var (seed, database, template) = await SeedAsync(
            AttackSchemas.Isolated + "CREATE TABLE codes (tenant_id uuid NOT NULL REFERENCES tenants (id), code text NOT NULL CHECK (code ~ '^[A-Z]{3}$'));",
            new VerifyOptions { SeedSqlFile = seedFile });
        await using var _ = template;
        await using var __ = database;

        Assert.Empty(seed.Unseeded);
        Assert.All(seed.Tenants, tenant => Assert.Equal("ABC", Assert.Single(seed.RowsOf(seed.Schema.Table("public.codes")!, tenant))["code"]));
    }

    [Fact]
    public async Task Seed_sql_error_names_the_file_and_line()
    {
        using var directory = new TemporaryDirectory();
        var seedFile = Path.Combine(directory.Path, "seed.sql");
        await File.WriteAllTextAsync(seedFile, "-- first line\nINSERT INTO no_such_table VALUES (1);");

        var error = await Assert.ThrowsAsync<HarnessException>(() => SeedAsync(AttackSchemas.Isolated, new VerifyOptions { SeedSqlFile = seedFile }));
        Assert.StartsWith(seedFile + ":2: ERROR:", error.Message);
        Assert.Contains("no_such_table", error.Message);
    }

    [Fact]
    public async Task A_tenant_registry_with_check_constraints_and_a_default_that_gives_null_is_seeded_with_its_children()
    {
        var (seed, database, template) = await SeedAsync("""
            CREATE FUNCTION current_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user', true), '')::uuid $$;
            CREATE TABLE tenants (
                id uuid PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('platform', 'customer')),
                plan varchar(10) NOT NULL CHECK ((plan)::text = ANY (ARRAY['free'::text, 'pro'::text])),
                seats integer NOT NULL CHECK (seats > 10 AND seats <= 500),
                created_by uuid NOT NULL DEFAULT current_user_id());
            CREATE TABLE notes (tenant_id uuid NOT NULL REFERENCES tenants (id), id serial PRIMARY KEY);
            GRANT SELECT ON notes TO app_user;
            """);
        await using var _ = template;
        await using var __ = database;

        Assert.Empty(seed.Unseeded);
        var tenants = seed.Schema.Table("public.tenants")!;
        var row = seed.RowsOf(tenants, seed.Tenants[0])[0];
        Assert.Equal(("platform", "free", "11"), (row["kind"], row["plan"], row["seats"]));
        Assert.NotNull(row["created_by"]);
    }
}
