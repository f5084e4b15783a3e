using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0003HardCodedDefaultTenant>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0003: literal tenants in code; header names, claim types and keys are not tenants.</summary>
public sealed class TG0003Tests
{
    private const string Headers = """
        using System;
        using System.Collections.Generic;

        public sealed class Request { public Dictionary<string, string?> Headers { get; } = new(); }
        public sealed class LeadRepository { public int SearchLeads(string tenantId, string criteria) => 0; public int GetLead(string id, string tenantId) => 0; }

        """;

    // ---- catches ----

    [Fact]
    public Task Default_tenant_constant_in_a_background_job() => Verify.VerifyAsync(Headers + """
        // Seed: background services used a DEFAULT_TENANT_ID placeholder.
        public static class CrmSyncJob
        {
            private const string DEFAULT_TENANT_ID = {|TG0003:"acme-prod"|};
            public static int Run(LeadRepository leads) => leads.SearchLeads(DEFAULT_TENANT_ID, "open");
        }
        """);

    [Fact]
    public Task Static_readonly_guid_and_numeric_defaults() => Verify.VerifyAsync(Headers + """
        public static class Defaults
        {
            public static readonly Guid DefaultTenantId = {|TG0003:new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301")|};
            public static readonly Guid FallbackTenant = {|TG0003:Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff")|};
            public const int DefaultTeamId = {|TG0003:1|};
            public static string FallbackTenantName { get; } = {|TG0003:"prod_org"|};
        }
        """);

    [Fact]
    public Task Literal_passed_as_the_tenant_argument() => Verify.VerifyAsync(Headers + """
        public static class Job
        {
            public static int A(LeadRepository leads) => leads.SearchLeads({|TG0003:"3f2504e0-4f89-11d3-9a0c-0305e82c3301"|}, "open");
            public static int B(LeadRepository leads) => leads.GetLead("lead-1", tenantId: {|TG0003:"acme"|});
        }
        """);

    [Fact]
    public Task Coalesce_fallback_for_a_tenant_value() => Verify.VerifyAsync(Headers + """
        public static class Resolver
        {
            public static string FromHeader(Request request) => request.Headers.GetValueOrDefault("X-Tenant-ID") ?? {|TG0003:"prod_org"|};
            public static string FromClaim(string? tenantClaim) { var tenantId = tenantClaim ?? {|TG0003:"default"|}; return tenantId; }
        }
        """);

    [Fact]
    public Task Placeholders_in_text_for_people_are_not_tenants() => Verify.VerifyAsync(Headers + """
        public interface ILogger { void LogDebug(string message, params object?[] args); }
        public static class Diagnostics
        {
            public static string Line(string? tenantId) => $"tenant {tenantId ?? "(none)"}";
            public static string Joined(string? tenantId) => "tenant " + (tenantId ?? "unknown");
            public static void Logged(ILogger logger, string? tenantId) => logger.LogDebug("connected tenant={TenantId}", tenantId ?? "none");
            public static object Preview(string? tenantId) => new { tenant = tenantId ?? "unknown" };
            public static Dictionary<string, object?> Claims(string? tenantId) => new() { ["tenant"] = tenantId ?? "unknown" };
            public static string Key(string? tenantId) { var tenant = tenantId ?? {|TG0003:"global"|}; return "idempotency:" + tenant; }
        }
        """);

    [Fact]
    public Task Literal_assigned_to_a_tenant_local_or_property() => Verify.VerifyAsync(Headers + """
        public sealed class Context
        {
            public string TenantId { get; set; } = "";
            public void Reset() { TenantId = {|TG0003:"acme"|}; var teamId = {|TG0003:"team-abc-123"|}; _ = teamId; }
        }
        """);

    // ---- must not catch ----

    [Fact]
    public Task Header_names_claim_types_and_configuration_keys() => Verify.VerifyAsync(Headers + """
        public static class Tenancy
        {
            public const string TenantHeader = "X-Tenant-ID";
            public const string TeamHeaderName = "X-Team-Id";
            public const string TenantClaimType = "tenant_id";
            public const string DefaultTenantConfigKey = "Tenancy:DefaultTenantId";
            public const string TenantSetting = "app.current_tenant";
            public const string TenantCookie = "tg_tenant";
            public const string TenantRoute = "/t/{tenant}/orders";
            public const string TenantsTopic = "tenants.created";
            public const string CrossTenantRead = "TG2001";
            public const string InsertIntoOtherTenant = "TG2004";
            public static string? Read(Request request) => request.Headers.GetValueOrDefault("X-Tenant-ID");
            public static string? Claim(Dictionary<string, string> claims) => claims.GetValueOrDefault("tenant_id");
            public static string TenantIdFromClaims(Dictionary<string, string> claims, string tenant = "tenant_id") => claims[tenant];
        }
        """);

    [Fact]
    public Task Empty_null_and_computed_values() => Verify.VerifyAsync(Headers + """
        public sealed class Context(Request request)
        {
            public string TenantId { get; set; } = "";
            public string? FallbackTenant { get; set; } = null;
            public string Resolve() => request.Headers.GetValueOrDefault("X-Tenant-ID") ?? throw new InvalidOperationException("Tenant context required");
            public string Other(string? name) => name ?? "anonymous";
        }
        """);

    [Fact]
    public Task Test_projects_are_exempt_by_default()
    {
        var test = new Verify(Headers + """
            public static class Fixtures { public const string DefaultTenantId = "tenant-a"; }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Test_project_exemption_can_be_turned_off()
    {
        var test = new Verify(Headers + """
            public static class Fixtures { public const string DefaultTenantId = {|TG0003:"tenant-a"|}; }
            """, editorConfig: "tenantguard.exempt_test_projects = false\n");
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    // ---- hard cases ----

    [Fact]
    public Task Strongly_typed_tenant_id_and_parameter_defaults() => Verify.VerifyAsync(Headers + """
        public readonly record struct TenantId(Guid Value);
        public static class Jobs
        {
            public static int Run(TenantId tenant) => 0;
            public static int Nightly() => Run({|TG0003:new TenantId(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"))|});
            public static int Import(string path, string tenantId = {|TG0003:"acme"|}) => path.Length + tenantId.Length;
        }
        """);

    [Fact]
    public Task Records_and_primary_constructors_with_fallbacks() => Verify.VerifyAsync(Headers + """
        public sealed record JobContext(string? TenantId)
        {
            public string EffectiveTenant => TenantId ?? {|TG0003:"default-tenant"|};
        }
        public sealed class Worker(string? teamId)
        {
            private readonly string _teamId = teamId ?? {|TG0003:"team-abc-123"|};
            public string Team => _teamId;
        }
        """);

    [Fact]
    public Task Configured_tenant_names_are_tenant_values() => Verify.VerifyAsync(Headers + """
        public static class Orgs
        {
            public const string DefaultOrgId = {|TG0003:"org-1"|};
            public const string DefaultOrgHeader = "X-Org-Id";
        }
        """, editorConfig: "tenantguard.tenant_parameter_names = orgId\n");

    [Fact]
    public Task Claim_type_uris_nameof_and_sentinels_are_not_tenants() => Verify.VerifyAsync(Headers + """
        public static class Identity
        {
            public const string TenantId = "http://schemas.microsoft.com/identity/claims/tenantid";
            public const string TenantIdShort = "tid";
            public static Guid Sentinel(Guid? tenantId) => tenantId ?? Guid.Empty;
            public static void Require(string? tenantId) => ArgumentException.ThrowIfNullOrEmpty(tenantId, nameof(tenantId));
            public static int Lookup(LeadRepository leads, string id, string tenantId) => leads.GetLead(id, tenantId);
        }
        """);

    [Fact]
    public Task Anonymous_parameter_object_with_a_literal_tenant() => Verify.VerifyAsync(Headers + """
        public static class Report
        {
            public static object Parameters(string status) => new { status, tenantId = {|TG0003:"acme"|} };
        }
        """);

    [Fact]
    public Task Constants_of_a_key_catalog_and_constants_spelling_their_own_name_are_not_tenants() => Verify.VerifyAsync(Headers + """
        public static class EmailMetadataKeys
        {
            public const string TenantName = "TenantName";
            public const string TenantSlug = "slug";
        }
        public static class Defaults
        {
            public const string TenantName = "TenantName";
            public const string DefaultTenantName = {|TG0003:"acme"|};
        }
        """);

    [Fact]
    public Task Another_member_of_a_tenant_object_is_not_the_tenant() => Verify.VerifyAsync(Headers + """
        public sealed class Tenant { public string? Name { get; set; } public string? Id { get; set; } public string Subdomain { get; set; } = ""; }
        public static class TenantSeeder
        {
            public static void Name(Tenant tenant) => tenant.Subdomain = tenant.Name?.ToLower() ?? "default";
            public static string Key(Tenant tenant) { var tenantId = tenant.Id ?? {|TG0003:"acme"|}; return tenantId; }
        }
        """);

    private const string AspNetHeaders = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;

        public sealed class HeaderDictionary : Dictionary<string, string?> { }
        public sealed class HttpRequest { public HeaderDictionary Headers { get; } = new(); }
        public sealed class LeadRepository { public int SearchLeads(string tenantId, string criteria) => 0; }

        """;

    [Fact]
    public Task Literal_tenant_written_into_or_defaulted_from_a_tenant_header() => Verify.VerifyAsync(AspNetHeaders + """
        public static class TenantHeaderUse
        {
            public static void Outgoing(HttpClient client, HttpRequestMessage message)
            {
                client.DefaultRequestHeaders.Add("X-Tenant-ID", {|TG0003:"acme-prod"|});
                message.Headers.TryAddWithoutValidation("X-Tenant-ID", {|TG0003:"acme-prod"|});
                message.Headers.Add("X-Request-ID", "acme-prod");
                message.Headers.Add("X-Tenant-ID", Environment.GetEnvironmentVariable("TENANT"));
            }

            public static void Incoming(HttpRequest request, LeadRepository leads)
            {
                request.Headers["X-Tenant-ID"] = {|TG0003:"acme-prod"|};
                var fromHeader = request.Headers.GetValueOrDefault("X-Tenant-ID", {|TG0003:"acme-prod"|});
                var tenantId = request.Headers["X-Tenant-ID"] ?? "";
                leads.SearchLeads(string.IsNullOrEmpty(tenantId) ? {|TG0003:"acme-prod"|} : tenantId, "open");
                var header = request.Headers["X-Tenant-ID"];
                var tenant = header is null ? {|TG0003:"default"|} : header;
                Console.WriteLine(string.IsNullOrEmpty(tenantId) ? "none" : tenantId);
                var label = string.IsNullOrEmpty(tenantId) ? "Unknown" : "Known";
                var status = label.Length > 0 ? "partition of <tenant> still present" : "ok";
                var columns = label.Length > 0 ? "tenant_id, id" : "id";
            }
        }
        """);
}
