using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>
/// Whole files written the way the seed teams write their data layer, run through every TenantGuard analyzer: the
/// findings must be exactly these, at these lines, with messages that name the table and statement and say what to do.
/// </summary>
public sealed class ConsumerFileTests
{
    private const string LeadMigrations = """
        CREATE TABLE leads (id varchar(64) PRIMARY KEY, name text NOT NULL, status text NOT NULL);
        ALTER TABLE leads ADD COLUMN tenant_id VARCHAR(255) NOT NULL;
        CREATE TABLE approvals (id varchar(64) PRIMARY KEY, lead_id varchar(64) NOT NULL, status text NOT NULL, tenant_id VARCHAR(255) NOT NULL);
        CREATE TABLE events (id varchar(64) PRIMARY KEY, lead_id varchar(64) NOT NULL, kind text NOT NULL, tenant_id VARCHAR(255) NOT NULL);
        CREATE TABLE embeddings (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, content text NOT NULL);
        CREATE INDEX idx_leads_tenant_id ON leads(tenant_id);
        CREATE TABLE countries (code text PRIMARY KEY, name text NOT NULL);
        """;

    // Seed 003 (repository methods with tenantId first or second, a background job on DEFAULT_TENANT_ID) and seed 004
    // (withTenant running SET LOCAL app.current_tenant = $1, findNearest without a tenant filter), in C#.
    private const string LeadGenService = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Npgsql;

        namespace LeadGen.Data;

        public sealed record Lead(string Id, string Name, string Status);
        public sealed record Approval(string Id, string LeadId, string Status);

        public sealed class LeadRepository(NpgsqlDataSource dataSource)
        {
            public async Task<IReadOnlyList<Lead>> SearchLeadsAsync(string tenantId, string criteria)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                var rows = await connection.QueryAsync<Lead>(
                    "SELECT id, name, status FROM leads WHERE tenant_id = @tenantId AND status = @criteria", new { tenantId, criteria });
                return rows.ToList();
            }

            public async Task<Lead?> GetLeadAsync(string id, string tenantId)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return await connection.QuerySingleOrDefaultAsync<Lead>(
                    "SELECT id, name, status FROM leads WHERE id = @id AND tenant_id = @tenantId", new { id, tenantId });
            }

            public async Task CreateEventAsync(string leadId, string kind, string tenantId)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await connection.ExecuteAsync(
                    "INSERT INTO events (id, lead_id, kind, tenant_id) VALUES (gen_random_uuid()::text, @leadId, @kind, @tenantId)",
                    new { leadId, kind, tenantId });
            }

            public async Task<IReadOnlyList<Approval>> GetPendingApprovalsAsync()
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                var rows = await connection.QueryAsync<Approval>("SELECT id, lead_id, status FROM approvals WHERE status = 'pending'");
                return rows.ToList();
            }

            public async Task CreateApprovalAsync(Approval approval, string tenantId)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await connection.ExecuteAsync("INSERT INTO approvals (id, lead_id, status) VALUES (@Id, @LeadId, @Status)", approval);
            }

            public async Task<IReadOnlyList<string>> CountryCodesAsync()
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return (await connection.QueryAsync<string>("SELECT code FROM countries ORDER BY code")).ToList();
            }
        }

        public static class CrmSyncJob
        {
            // TODO: run per tenant once jobs carry their tenant.
            private const string DEFAULT_TENANT_ID = "default";

            public static Task<IReadOnlyList<Lead>> RunAsync(LeadRepository leads) => leads.SearchLeadsAsync(DEFAULT_TENANT_ID, "new");
        }

        public static class TenantResolution
        {
            public const string TenantHeader = "X-Tenant-ID";
            public const string TenantClaimType = "tenant_id";

            public static string? FromHeaders(IReadOnlyDictionary<string, string> headers) =>
                headers.TryGetValue(TenantHeader, out var tenantId) ? tenantId : null;
        }

        public sealed class EmbeddingStore(NpgsqlDataSource dataSource)
        {
            public async Task<T> WithTenantAsync<T>(string tenantId, Func<NpgsqlConnection, Task<T>> work)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using (var setTenant = new NpgsqlCommand("SET LOCAL app.current_tenant = $1", connection, transaction))
                {
                    setTenant.Parameters.AddWithValue(tenantId);
                    await setTenant.ExecuteNonQueryAsync();
                }

                var result = await work(connection);
                await transaction.CommitAsync();
                return result;
            }

            public Task<List<string>> FindNearestAsync(string tenantId, string embedding, int k) =>
                WithTenantAsync(tenantId, async connection =>
                {
                    await using var command = new NpgsqlCommand(
                        "SELECT content FROM embeddings ORDER BY embedding <-> $1::vector LIMIT $2", connection);
                    command.Parameters.AddWithValue(embedding);
                    command.Parameters.AddWithValue(k);
                    var contents = new List<string>();
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        contents.Add(reader.GetString(0));
                    }

                    return contents;
                });
        }
        """;

    [Fact]
    public async Task Seed_003_and_004_data_layer_gets_exactly_these_findings()
    {
        var findings = await RunAsync(LeadGenService, LeadMigrations, new Dictionary<string, string>());

        AssertFindings(
        [
            "TG0001 (38): 'LeadRepository.GetPendingApprovalsAsync' touches tenant-owned table 'approvals' but has neither a tenant parameter (tenantId, tenant_id, teamId, tenant) nor a tenant accessor (ITenantContext, ITenantAccessor, ITenantProvider, IMultiTenantContext)",
            "TG0002 (41): Tenant-owned table 'approvals' in SELECT is not filtered by tenant_id = <parameter>: SELECT id, lead_id, status FROM approvals WHERE status = 'pending'",
            "TG0001 (45): 'LeadRepository.CreateApprovalAsync' touches tenant-owned table 'approvals' but never uses its tenant parameter 'tenantId'",
            "TG0002 (48): Tenant-owned table 'approvals' in INSERT does not supply the tenant column tenant_id: INSERT INTO approvals (id, lead_id, status) VALUES (@Id, @LeadId, @Status)",
            "TG0003 (61): Field 'DEFAULT_TENANT_ID' hard-codes a tenant value (\"default\"): resolve the tenant from the request or the job's input instead",
            "TG0004 (81): Setting 'app.current_tenant': 'SET LOCAL app.current_tenant = $1' fails at run time because SET does not take parameters; use SELECT set_config('app.current_tenant', $1::text, true) inside a transaction",
            "TG0002 (96): Tenant-owned table 'embeddings' in SELECT is not filtered by tenant_id = <parameter>: SELECT content FROM embeddings ORDER BY embedding <-> $1::vector LIMIT $2",
        ], findings);
    }

    private const string TeamMigrations = """
        -- Seed 000: team_id added to existing tables, then indexed.
        CREATE TABLE clients (id uuid PRIMARY KEY, name text);
        CREATE TABLE "events" (id uuid PRIMARY KEY, client_id uuid, starts_at timestamptz);
        CREATE TABLE rooms (id uuid PRIMARY KEY, name text);
        ALTER TABLE clients ADD COLUMN team_id UUID;
        ALTER TABLE public."events" ADD COLUMN team_id UUID;
        CREATE INDEX idx_clients_team_id ON clients(team_id);
        """;

    // Seed 000: an event-booking backend keyed by team_id, the X-Team-Id header, and a service role for reports.
    private const string EventBookingService = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Threading.Tasks;
        using Dapper;

        namespace Booking.Security
        {
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
            public sealed class CrossTenantAttribute(string reason) : Attribute { public string Reason { get; } = reason; }
        }

        namespace Booking.Data
        {
            using Booking.Security;

            public sealed record Client(Guid Id, string Name);

            public sealed class ClientRepository(IDbConnection connection)
            {
                public Task<IEnumerable<Client>> ListAsync(Guid teamId) =>
                    connection.QueryAsync<Client>("SELECT id, name FROM clients WHERE team_id = @teamId ORDER BY name", new { teamId });

                public Task<int> RenameAsync(Guid id, string name, Guid teamId) =>
                    connection.ExecuteAsync("UPDATE clients SET name = @name WHERE id = @id AND team_id = @teamId", new { id, name, teamId });

                public Task<IEnumerable<dynamic>> UpcomingAsync(Guid teamId) =>
                    connection.QueryAsync("SELECT e.id, c.name FROM events e JOIN clients c ON c.id = e.client_id WHERE c.team_id = @teamId", new { teamId });

                public Task<IEnumerable<dynamic>> RoomsAsync() => connection.QueryAsync("SELECT id, name FROM rooms");

                [CrossTenant("Weekly usage report over every team, run by the service role")]
                public Task<IEnumerable<dynamic>> UsageAcrossTeamsAsync() =>
                    connection.QueryAsync("SELECT team_id, count(*) FROM clients GROUP BY team_id");
            }

            public static class TeamResolution
            {
                public const string TeamHeader = "X-Team-Id";

                public static Guid? GetTeamId(IReadOnlyDictionary<string, string> headers) =>
                    headers.TryGetValue(TeamHeader, out var value) && Guid.TryParse(value, out var teamId) ? teamId : null;
            }
        }
        """;

    [Fact]
    public async Task Seed_000_team_id_service_gets_exactly_these_findings()
    {
        var findings = await RunAsync(EventBookingService, TeamMigrations, new Dictionary<string, string> { ["tenantguard.tenant_column"] = "team_id" });

        AssertFindings(
        [
            "TG0002 (28): Tenant-owned table 'events' in SELECT is not filtered by team_id = <parameter>: SELECT e.id, c.name FROM events e JOIN clients c ON c.id = e.client_id WHERE c.team_id = @teamId",
        ], findings);
    }

    /// <summary>One string per finding so a failure shows every message in full.</summary>
    private static void AssertFindings(string[] expected, List<string> actual) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    /// <summary>Every TenantGuard finding as "ID (line): message", in source order.</summary>
    private static async Task<List<string>> RunAsync(string source, string migrations, Dictionary<string, string> editorConfig)
    {
        var compilation = CSharpCompilation.Create("Consumer",
            [CSharpSyntaxTree.ParseText(source, path: "/0/Data.cs")], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var result = await AnalyzerRun.RunAsync(compilation, [new InMemoryAdditionalText("/0/db/migrations/001_init.sql", migrations)],
            new InMemoryConfigOptionsProvider(editorConfig, _ => editorConfig));

        Assert.Empty(result.AnalyzerExceptions);
        return result.Diagnostics
            .Where(d => d.Id.StartsWith("TG", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => $"{d.Id} ({d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.GetMessage()}")
            .ToList();
    }
}
