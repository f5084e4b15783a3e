using TenantGuard.Harness.Databases;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Databases;

[Collection("postgres")]
public sealed class TenantSettingDetectionTests(PostgresServerFixture fixture)
{
    /// <summary>Modelled on seed 000: team_id columns, policies on app.team_id, a service role that bypasses them.</summary>
    private const string TeamIsolation = """
        CREATE ROLE service_role NOLOGIN;
        CREATE TABLE clients (id uuid PRIMARY KEY, team_id uuid NOT NULL, name text);
        CREATE TABLE events (id uuid PRIMARY KEY, team_id uuid NOT NULL, client_id uuid REFERENCES clients (id));
        ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
        ALTER TABLE events ENABLE ROW LEVEL SECURITY;
        CREATE POLICY team_isolation_clients ON clients USING (team_id = current_setting('app.team_id')::uuid);
        CREATE POLICY team_isolation_events ON events USING (team_id = current_setting('app.team_id', true)::uuid)
            WITH CHECK (team_id = current_setting('app.team_id', true)::uuid);
        CREATE POLICY service_role_bypass ON clients TO service_role USING (true);
        CREATE INDEX idx_clients_team_id ON clients (team_id);
        """;

    [Fact]
    public async Task Detects_app_team_id_from_seed_000_style_policies()
    {
        using var folder = MigrationsFolder.Create(("20260103000000_enable_rls_team_isolation.sql", TeamIsolation));

        await using var template = await fixture.BuildTemplateAsync(folder.Path, b => b.WithTenantColumn("team_id"));
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal("app.team_id", database.TenantSetting);
        Assert.Equal("team_id", database.TenantColumn);
        Assert.False(database.IsTenantSettingAmbiguous);
        Assert.Equal(2, database.TenantSettingCandidates["app.team_id"]);
    }

    [Fact]
    public async Task Detects_a_setting_read_through_a_helper_function()
    {
        using var folder = MigrationsFolder.Create(("001_rls.sql", """
            CREATE FUNCTION current_tenant_id() RETURNS uuid LANGUAGE sql STABLE
                AS $$ SELECT nullif(current_setting('app.current_tenant', true), '')::uuid $$;
            CREATE TABLE documents (id int, tenant_id uuid);
            ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
            CREATE POLICY isolation ON documents USING (tenant_id = current_tenant_id());
            """));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);

        Assert.Equal("app.current_tenant", template.TenantSetting);
    }

    [Fact]
    public async Task Several_settings_choose_the_most_used_and_report_ambiguity()
    {
        using var folder = MigrationsFolder.Create(("001_rls.sql", """
            CREATE TABLE a (tenant_id text); CREATE TABLE b (tenant_id text); CREATE TABLE c (tenant_id text);
            CREATE POLICY pa ON a USING (tenant_id = current_setting('app.current_tenant'));
            CREATE POLICY pb ON b USING (tenant_id = current_setting('app.current_tenant'));
            CREATE POLICY pc ON c USING (tenant_id = current_setting('app.org'));
            """));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);

        Assert.Equal("app.current_tenant", template.TenantSetting);
        Assert.True(template.IsTenantSettingAmbiguous);
        Assert.Equal(2, template.TenantSettingCandidates["app.current_tenant"]);
        Assert.Equal(1, template.TenantSettingCandidates["app.org"]);
    }

    [Fact]
    public async Task A_setting_compared_with_another_column_is_not_a_candidate()
    {
        using var folder = MigrationsFolder.Create(("001_rls.sql", """
            CREATE TABLE a (tenant_id text); CREATE TABLE c (owner_id text);
            CREATE POLICY pa ON a USING (tenant_id = current_setting('app.current_tenant'));
            CREATE POLICY pc ON c USING (owner_id = current_setting('app.user_id'));
            """));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);

        Assert.Equal("app.current_tenant", template.TenantSetting);
        Assert.False(template.IsTenantSettingAmbiguous);
        Assert.Equal(["app.current_tenant"], template.TenantSettingCandidates.Keys);
    }

    [Fact]
    public async Task A_switch_read_as_often_as_the_tenant_setting_is_never_chosen()
    {
        using var folder = MigrationsFolder.Create(("001_rls.sql", """
            CREATE TABLE a (tenant_id text); CREATE TABLE b (tenant_id text);
            CREATE POLICY pa ON a USING (current_setting('app.bypass_rls', true) = 'on' OR tenant_id = current_setting('app.tenant'));
            CREATE POLICY pb ON b USING (tenant_id = current_setting('app.tenant') OR current_setting('app.bypass_rls', true) = 'on');
            """));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);

        Assert.Equal("app.tenant", template.TenantSetting);
        Assert.False(template.IsTenantSettingAmbiguous);
        Assert.Equal(["app.tenant"], template.TenantSettingCandidates.Keys);
    }

    [Fact]
    public void Switches_and_every_setting_read_are_reported_apart_from_the_candidates()
    {
        var detection = TenantSettingDetector.Detect(
            [("((current_setting('app.bypass_rls'::text, true) = 'on'::text) OR (tenant_id = (current_setting('app.tenant'::text))::uuid))", null),
             ("(owner_id = (current_setting('app.user_id'::text))::uuid)", null)],
            [],
            "tenant_id");

        Assert.Equal("app.tenant", detection.Setting);
        Assert.Equal(["app.tenant"], detection.Candidates.Keys);
        Assert.Equal(["app.bypass_rls"], detection.Switches.Keys);
        Assert.Equal(["app.bypass_rls", "app.tenant", "app.user_id"], detection.SettingsRead);
    }

    [Fact]
    public void A_setting_only_ever_compared_with_constants_is_no_tenant_setting()
    {
        var detection = TenantSettingDetector.Detect(
            [("((current_setting('app.mode'::text, true) = 'open'::text) OR archived)", null)], [], "tenant_id");

        Assert.Null(detection.Setting);
        Assert.Empty(detection.Candidates);
        Assert.Equal(1, detection.Switches["app.mode"]);
    }

    [Fact]
    public async Task A_given_setting_wins_and_no_policies_means_none()
    {
        using var folder = MigrationsFolder.Create(("001_table.sql", "CREATE TABLE a (tenant_id text);"));

        await using var detected = await fixture.BuildTemplateAsync(folder.Path);
        await using var given = await fixture.BuildTemplateAsync(folder.Path, b => b.WithTenantSetting("app.org"));

        Assert.Null(detected.TenantSetting);
        Assert.Empty(detected.TenantSettingCandidates);
        Assert.Equal("app.org", given.TenantSetting);
    }

    [Fact]
    public void Counts_each_policy_once_per_setting()
    {
        var detection = TenantSettingDetector.Detect(
            [("((tenant_id = (current_setting('app.tenant'::text))::uuid) AND (x = current_setting('app.tenant'::text, true)))",
              "(tenant_id = (current_setting('app.tenant'::text))::uuid)")],
            [],
            "tenant_id");

        Assert.Equal("app.tenant", detection.Setting);
        Assert.Equal(1, detection.Candidates["app.tenant"]);
    }
}
