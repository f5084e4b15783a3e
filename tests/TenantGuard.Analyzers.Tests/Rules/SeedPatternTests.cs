using TenantGuard.Analyzers.Rules;
using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>
/// The code patterns of the teams in the seed material, written as the C# they would be in a .NET service:
/// what TenantGuard must catch in them and what it must leave alone.
/// </summary>
public sealed class SeedPatternTests
{
    private const string TeamMigrations = """
        -- Seed 000: team_id added to existing tables, then indexed.
        CREATE TABLE clients (id uuid PRIMARY KEY, name text);
        CREATE TABLE events (id uuid PRIMARY KEY, client_id uuid);
        CREATE TABLE rooms (id uuid PRIMARY KEY, name text);
        ALTER TABLE clients ADD COLUMN team_id UUID;
        ALTER TABLE events ADD COLUMN team_id UUID;
        CREATE INDEX idx_clients_team_id ON clients(team_id);
        """;

    [Fact]
    public Task Seed_000_team_id_adapter_with_header_name_constant()
    {
        var test = new AnalyzerTest<TG0002QueryWithoutTenantFilter>(Code.Usings + """
            public static class TenantHeaders { public const string TeamHeader = "X-Team-Id"; public const string ManagerHeader = "X-Manager-Id"; }
            public sealed class EventStore(IDbConnection connection)
            {
                public IEnumerable<dynamic> Pending(Guid teamId) =>
                    connection.Query("SELECT * FROM events e JOIN clients c ON c.id = e.client_id AND c.team_id = e.team_id WHERE e.team_id = @teamId", new { teamId });
                public IEnumerable<dynamic> Leaky(Guid teamId) =>
                    connection.Query({|TG0002:"SELECT * FROM events e JOIN clients c ON c.id = e.client_id WHERE e.team_id = @teamId"|}, new { teamId });
                public IEnumerable<dynamic> Rooms() => connection.Query("SELECT * FROM rooms");
            }
            """, TeamMigrations, "tenantguard.tenant_column = team_id\n");
        return test.RunAsync();
    }

    [Fact]
    public Task Seed_000_fallback_team_from_environment_default() =>
        AnalyzerTest<TG0003HardCodedDefaultTenant>.VerifyAsync("""
            using System;
            public static class TeamConfig
            {
                // Seed 000: OE_TEAM_ID=your-default-team-uuid as the fallback when no header is sent.
                public static string GetTeamId(string? fromHeader) => fromHeader ?? {|TG0003:"your-default-team-uuid"|};
                public static readonly Guid DefaultTeamId = {|TG0003:Guid.Parse("00000000-0000-0000-0000-000000000001")|};
            }
            """, editorConfig: "tenantguard.tenant_column = team_id\n");

    [Fact]
    public Task Seed_001_django_settings_translated() =>
        AnalyzerTest<TG0003HardCodedDefaultTenant>.VerifyAsync("""
            public static class TenancySettings
            {
                public const bool RequireTenant = true;
                public const string TenantHeader = "X-Tenant-ID";
                public static readonly string? DefaultTenantId = null;
                public const string DefaultTenantIdForDev = {|TG0003:"prod_org"|};
            }
            """);

    [Fact]
    public Task Seed_001_set_tenant_on_the_session_then_count() =>
        AnalyzerTest<TG0004SessionScopedTenantSetting>.VerifyAsync(Code.Npgsql("""
                public async Task<object?> CountThemesAsync()
                {
                    await using (var set = new NpgsqlCommand({|TG0004:"SET app.current_tenant_id = 'your-tenant-uuid'"|}, connection)) { await set.ExecuteNonQueryAsync(); }
                    await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM webpages_pagetheme", connection);
                    return await count.ExecuteScalarAsync();
                }
            """));

    [Fact]
    public Task Seed_002_platform_admin_bypass_is_declared_cross_tenant() =>
        AnalyzerTest<TG0001DataAccessMethodWithoutTenantScope>.VerifyAsync(Code.Usings + """
            [AttributeUsage(AttributeTargets.All)] public sealed class CrossTenantAttribute(string reason) : Attribute { public string Reason => reason; }
            public sealed class AgentRepository(IDbConnection connection)
            {
                [CrossTenant("grant_platform_admin(): platform admins manage shared agents")]
                public IEnumerable<dynamic> AllAgents() => connection.Query("SELECT * FROM agents");
                public IEnumerable<dynamic> {|TG0001:SharedAgents|}() => connection.Query("SELECT * FROM agents WHERE sharing_mode = 'global'");
                public IEnumerable<dynamic> Mine(Guid tenantId) => connection.Query("SELECT * FROM agents WHERE tenant_id = @tenantId", new { tenantId });
            }
            """, migrations: "CREATE TABLE agents (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, sharing_mode text);");

    [Fact]
    public Task Seed_003_parameter_order_and_background_job_placeholder()
    {
        var test = new AnalyzerTest<TG0003HardCodedDefaultTenant>(Code.Usings + """
            public sealed class LeadRepository(IDbConnection connection)
            {
                public IEnumerable<dynamic> SearchLeads(string tenantId, string criteria) =>
                    connection.Query("SELECT * FROM leads WHERE tenant_id = @tenantId AND status = @criteria", new { tenantId, criteria });
                public dynamic? GetLead(string id, string tenantId) =>
                    connection.QueryFirstOrDefault("SELECT * FROM leads WHERE id = @id AND tenant_id = @tenantId", new { id, tenantId });
                public int CreateEvent(object evt, string tenantId) =>
                    connection.Execute("INSERT INTO events (payload, tenant_id) VALUES (@evt, @tenantId)", new { evt, tenantId });
            }
            public sealed class CrmSyncJob(LeadRepository leads)
            {
                // TODO: proper multi-tenant architecture for background services.
                private const string DEFAULT_TENANT_ID = {|TG0003:"default"|};
                public IEnumerable<dynamic> Run() => leads.SearchLeads(DEFAULT_TENANT_ID, "open");
                public dynamic? One(string id) => leads.GetLead(id, {|TG0003:"3f2504e0-4f89-11d3-9a0c-0305e82c3301"|});
            }
            """, migrations: "CREATE TABLE leads (id text, tenant_id VARCHAR(255) NOT NULL, status text); CREATE TABLE events (payload jsonb, tenant_id VARCHAR(255) NOT NULL);");
        return test.RunAsync();
    }

    [Fact]
    public Task Seed_003_repository_methods_are_scoped() =>
        AnalyzerTest<TG0001DataAccessMethodWithoutTenantScope>.VerifyAsync(Code.Usings + """
            public sealed class LeadRepository(IDbConnection connection)
            {
                public IEnumerable<dynamic> SearchLeads(string tenantId, string criteria) =>
                    connection.Query("SELECT * FROM leads WHERE tenant_id = @tenantId AND status = @criteria", new { tenantId, criteria });
                public dynamic? GetLead(string id, string tenantId) =>
                    connection.QueryFirstOrDefault("SELECT * FROM leads WHERE id = @id AND tenant_id = @tenantId", new { id, tenantId });
                public dynamic? {|TG0001:GetLeadUnscoped|}(string id) =>
                    connection.QueryFirstOrDefault("SELECT * FROM leads WHERE id = @id", new { id });
            }
            """, migrations: "CREATE TABLE leads (id text, tenant_id VARCHAR(255) NOT NULL, status text);");

    [Fact]
    public Task Seed_004_with_tenant_and_find_nearest()
    {
        var test = new AnalyzerTest<TG0004SessionScopedTenantSetting>(Code.Npgsql("""
                public async Task<T> WithTenantAsync<T>(string tenantId, Func<NpgsqlConnection, Task<T>> work)
                {
                    await using var set = new NpgsqlCommand({|TG0004:"SET LOCAL app.current_tenant = $1"|}, connection);
                    set.Parameters.AddWithValue(tenantId);
                    await set.ExecuteNonQueryAsync();
                    return await work(connection);
                }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Seed_004_tenant_header_resolution_is_not_a_hard_coded_tenant() =>
        AnalyzerTest<TG0003HardCodedDefaultTenant>.VerifyAsync("""
            using System.Collections.Generic;
            public static class TenantResolver
            {
                public static string? Resolve(IReadOnlyDictionary<string, string> headers)
                {
                    if (headers.TryGetValue("x-api-key", out var apiKey)) return apiKey;
                    var host = headers.TryGetValue("host", out var h) ? h : "";
                    var byHeader = headers.TryGetValue("x-tenant-id", out var tenant) ? tenant : null;
                    return byHeader ?? host.Split('.')[0];
                }
            }
            """);
}
