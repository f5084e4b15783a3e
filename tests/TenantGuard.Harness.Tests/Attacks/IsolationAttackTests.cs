using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Attacks;

[Collection("postgres")]
public sealed class IsolationAttackTests(PostgresServerFixture fixture)
{
    private async Task<Report> VerifyAsync(string schema, VerifyOptions? options = null)
    {
        var (template, database) = await fixture.CreateDatabaseAsync(new Dictionary<string, string> { ["001_schema.sql"] = schema });
        await using var _ = template;
        await using var __ = database;
        return await IsolationAttack.RunAsync(database, options ?? new VerifyOptions());
    }

    private static string[] Rules(Report report) => report.Findings.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Isolated_schema_survives_every_attack()
    {
        var report = await VerifyAsync(AttackSchemas.Isolated);

        Assert.Empty(report.Findings);
        Assert.Equal("2", report.Facts["tablesAttacked"]);
        Assert.Equal("0", report.Facts["tablesNotSeeded"]);
    }

    [Fact]
    public async Task Table_without_rls_is_read_changed_and_written_across_tenants()
    {
        var report = await VerifyAsync(AttackSchemas.Isolated + "ALTER TABLE tasks DISABLE ROW LEVEL SECURITY;");

        Assert.Equal(["TG2001", "TG2002", "TG2003", "TG2004", "TG2005", "TG2006"], Rules(report));
        Assert.All(report.Findings, f => Assert.Equal("public.tasks", f.Object));
        var read = report.Findings.First(f => f.Rule == AttackRules.CrossTenantRead);
        Assert.Contains("SELECT set_config('app.current_tenant'", read.Evidence);
        Assert.Contains("returned count = ", read.Evidence);
        Assert.Contains("ROLLBACK;", read.Evidence);
    }

    [Fact]
    public async Task A_role_that_may_not_create_temporary_objects_is_probed_one_statement_at_a_time_to_the_same_verdicts()
    {
        const string leaky = AttackSchemas.Isolated + "ALTER TABLE tasks DISABLE ROW LEVEL SECURITY;";
        var batched = await VerifyAsync(leaky);

        var (template, database) = await fixture.CreateDatabaseAsync(new Dictionary<string, string> { ["001_schema.sql"] = leaky });
        await using var _ = template;
        await using var __ = database;
        await using (var admin = new Npgsql.NpgsqlConnection(database.AdminConnectionString))
        {
            await admin.OpenAsync();
            var name = new Npgsql.NpgsqlConnectionStringBuilder(database.AdminConnectionString).Database;
            await using var revoke = new Npgsql.NpgsqlCommand($"REVOKE TEMPORARY ON DATABASE \"{name}\" FROM PUBLIC", admin);
            await revoke.ExecuteNonQueryAsync();
        }

        var direct = await IsolationAttack.RunAsync(database, new VerifyOptions());

        Assert.DoesNotContain("probes", batched.Facts.Keys);
        Assert.Contains("may not create a temporary function (42501", direct.Facts["probes"]);
        Assert.Equal(Verdicts(batched), Verdicts(direct));
        Assert.Equal(batched.Facts["controlsPassed"], direct.Facts["controlsPassed"]);
        Assert.All(direct.Findings.Concat(batched.Findings), f => Assert.EndsWith("ROLLBACK;" + Environment.NewLine, f.Evidence));
    }

    [Fact]
    public async Task An_error_no_exception_block_can_catch_still_gives_every_probe_its_outcome()
    {
        // ASSERT failures pass through PL/pgSQL's WHEN OTHERS: the probes batched with one are sent again one by one.
        var report = await VerifyAsync(AttackSchemas.Isolated + """
            CREATE FUNCTION refuse_app_user() RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                ASSERT current_user <> 'app_user', 'the application role may not read tasks';
                RETURN true;
            END $$;
            DROP POLICY tasks_isolation ON tasks;
            CREATE POLICY tasks_isolation ON tasks USING (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid AND refuse_app_user());
            """);

        var unproven = Assert.Single(report.Findings);
        Assert.Equal(("TG2009", "public.tasks"), (unproven.Rule, unproven.Object));
        Assert.Contains("P0004 the application role may not read tasks", unproven.Message);
    }

    private static string[] Verdicts(Report report) =>
        report.Findings.Select(f => $"{f.Rule} {f.Object} {f.Message}").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Attacks_leave_the_victims_rows_as_they_were()
    {
        var (template, database) = await fixture.CreateDatabaseAsync(new Dictionary<string, string>
        {
            ["001_schema.sql"] = AttackSchemas.Isolated + "ALTER TABLE tasks DISABLE ROW LEVEL SECURITY;",
        });
        await using var _ = template;
        await using var __ = database;
        await IsolationAttack.RunAsync(database, new VerifyOptions { Tenants = 2, RowsPerTable = 2 });

        await using var admin = new Npgsql.NpgsqlConnection(database.AdminConnectionString);
        await admin.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM tasks GROUP BY tenant_id", admin);
        await using var reader = await count.ExecuteReaderAsync();
        var perTenant = new List<long>();
        while (await reader.ReadAsync())
        {
            perTenant.Add(reader.GetInt64(0));
        }

        Assert.Equal([2L, 2L], perTenant);
    }

    [Fact]
    public async Task Policy_without_with_check_lets_a_row_carry_another_tenant()
    {
        var report = await VerifyAsync(AttackSchemas.Isolated + """
            DROP POLICY tasks_isolation ON tasks;
            CREATE POLICY tasks_read ON tasks FOR SELECT USING (tenant_id = nullif(current_setting('app.current_tenant', true), '')::uuid);
            CREATE POLICY tasks_insert ON tasks FOR INSERT WITH CHECK (true);
            """);

        Assert.Equal(["TG2004", "TG2009"], Rules(report));
        // No UPDATE or DELETE policy: refused cross-tenant updates and deletes prove nothing, since tenant A cannot
        // update or delete its own rows either.
        var unproven = Assert.Single(report.Findings, f => f.Rule == "TG2009");
        Assert.Contains("update by key: 0 of tenant A's own rows", unproven.Message);
        Assert.Contains("delete by key: 0 of tenant A's own rows", unproven.Message);
    }

    [Fact]
    public async Task Security_definer_function_is_reported_under_its_signature()
    {
        var report = await VerifyAsync(AttackSchemas.Isolated + """
            ALTER TABLE projects NO FORCE ROW LEVEL SECURITY;
            CREATE FUNCTION projects_of(tenant uuid) RETURNS SETOF projects LANGUAGE sql STABLE SECURITY DEFINER
                AS 'SELECT * FROM projects WHERE tenant_id = tenant';
            GRANT EXECUTE ON FUNCTION projects_of(uuid) TO app_user;
            """);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(AttackRules.CrossTenantRead, finding.Rule);
        Assert.Equal("projects_of(uuid)", finding.Object);
    }

    [Fact]
    public async Task Session_level_tenant_function_leaks_to_the_next_transaction()
    {
        var report = await VerifyAsync(AttackSchemas.Isolated + """
            CREATE FUNCTION set_tenant_context(tenant uuid) RETURNS void LANGUAGE sql
                AS $$ SELECT set_config('app.current_tenant', tenant::text, false) $$;
            GRANT EXECUTE ON FUNCTION set_tenant_context(uuid) TO app_user;
            """);

        Assert.Equal(["TG2007"], Rules(report));
        Assert.Contains(report.Findings, f => f.Evidence!.Contains("the next transaction on the same connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waivers_from_the_audit_do_not_count_as_unmatched()
    {
        var report = await VerifyAsync(AttackSchemas.Isolated, new VerifyOptions
        {
            Waivers = [new("TG1003", "public.projects", "audit waiver"), new("TG2001", "public.nothing", "stale")],
        });

        var unmatched = Assert.Single(report.UnmatchedWaivers);
        Assert.Equal("TG2001", unmatched.Rule);
    }

    [Fact]
    public async Task Schema_without_any_policy_is_attacked_with_the_fallback_setting_and_says_so()
    {
        var report = await VerifyAsync(AttackSchemas.Tenants + """
            CREATE TABLE notes (tenant_id uuid NOT NULL REFERENCES tenants (id), id serial PRIMARY KEY, body text NOT NULL);
            GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO app_user;
            GRANT USAGE ON SEQUENCE notes_id_seq TO app_user;
            """);

        Assert.Contains("TG2001", Rules(report));
        Assert.Contains("TG2006", Rules(report));
        Assert.Contains("--tenant-setting", report.Facts["tenantSettingNote"]);
    }

    [Fact]
    public async Task Fewer_than_two_tenants_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<HarnessException>(() => VerifyAsync(AttackSchemas.Isolated, new VerifyOptions { Tenants = 1 }));
        Assert.Contains("at least 2 tenants", error.Message);
    }
}
