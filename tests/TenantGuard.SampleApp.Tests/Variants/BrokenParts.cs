using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;
using TenantGuard.SampleApp.Domain;
using TenantGuard.SampleApp.Hosting;
using TenantGuard.SampleApp.Repositories;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Tests.Variants;

// Broken replacements for parts of the sample app, each a mistake from real multi-tenant code bases. They live only
// here, in the tests, to prove the suite catches them.

/// <summary>Falls back to a default tenant when the request names none (a DEFAULT_TENANT_ID placeholder).</summary>
public sealed class DefaultTenantFallbackResolver(TenantResolver inner) : ITenantResolver
{
    public async Task<TenantResolution> ResolveAsync(HttpContext context, CancellationToken ct)
    {
        var resolution = await inner.ResolveAsync(context, ct);
        return resolution.TenantId is null && !context.Request.Headers.ContainsKey(TenantResolver.ApiKeyHeader)
            ? TenantResolution.Resolved(DemoData.Tenants[0].Id, "default")
            : resolution;
    }
}

/// <summary>Reads the X-Tenant-ID header before the API key ("explicit override").</summary>
public sealed class HeaderFirstResolver(TenantResolver inner) : ITenantResolver
{
    public async Task<TenantResolution> ResolveAsync(HttpContext context, CancellationToken ct) =>
        Guid.TryParse(context.Request.Headers[TenantResolver.TenantHeader].ToString(), out var id)
            ? TenantResolution.Resolved(id, "header")
            : await inner.ResolveAsync(context, ct);
}

/// <summary>Reads the subdomain before the API key.</summary>
public sealed class SubdomainFirstResolver(TenantDirectory directory, TenantResolver inner) : ITenantResolver
{
    public async Task<TenantResolution> ResolveAsync(HttpContext context, CancellationToken ct)
    {
        var host = context.Request.Host.Host;
        if (host.EndsWith(".localhost", StringComparison.Ordinal) && await directory.FindBySlugAsync(host[..^".localhost".Length], ct) is { } bySlug)
        {
            return TenantResolution.Resolved(bySlug, "subdomain");
        }

        return await inner.ResolveAsync(context, ct);
    }
}

/// <summary>Trusts any well-formed X-Tenant-ID without looking it up.</summary>
public sealed class UncheckedHeaderResolver(TenantResolver inner) : ITenantResolver
{
    public async Task<TenantResolution> ResolveAsync(HttpContext context, CancellationToken ct)
    {
        var resolution = await inner.ResolveAsync(context, ct);
        return resolution.TenantId is null && Guid.TryParse(context.Request.Headers[TenantResolver.TenantHeader].ToString(), out var id)
            ? TenantResolution.Resolved(id, "header")
            : resolution;
    }
}

/// <summary>Looks documents up by id alone: the tenant predicate was dropped.</summary>
public sealed class UnscopedDocumentRepository(TenantSession session) : IDocumentRepository
{
    public Task<IReadOnlyList<Document>> ListAsync(Guid tenantId, CancellationToken ct) => new DocumentRepository(session).ListAsync(tenantId, ct);

    public Task<Document?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<Document>(new CommandDefinition(
            $"SELECT {DocumentRepository.Columns} FROM documents WHERE id = @id", new { id }, session.Transaction, cancellationToken: ct));

    public Task<Document> CreateAsync(Guid tenantId, NewDocument document, CancellationToken ct) => new DocumentRepository(session).CreateAsync(tenantId, document, ct);
}

/// <summary>SET instead of SET LOCAL: the tenant outlives the transaction and stays on the connection.</summary>
public sealed class SessionLevelTenantScope : ITenantConnectionScope
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SET app.current_tenant = '{tenantId}'", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Keeps "the current tenant" in a static field shared by every request, then binds whatever it holds.</summary>
public sealed class SharedFieldTenantScope : ITenantConnectionScope
{
    private static Guid s_current;

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, CancellationToken ct)
    {
        s_current = tenantId;
        await Task.Delay(2, ct);
        await using var command = new NpgsqlCommand("SELECT set_config('app.current_tenant', $1, true)", connection, transaction);
        command.Parameters.AddWithValue(s_current.ToString());
        await command.ExecuteNonQueryAsync(ct);
    }
}
