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

    public Task<Document?> UpdateAsync(Guid tenantId, Guid id, DocumentChanges changes, CancellationToken ct) => new DocumentRepository(session).UpdateAsync(tenantId, id, changes, ct);

    public Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) => new DocumentRepository(session).DeleteAsync(tenantId, id, ct);
}

/// <summary>The correct document repository with one method replaced; each broken write below is one mistake.</summary>
public abstract class OneBrokenDocumentMethod(TenantSession session) : IDocumentRepository
{
    protected TenantSession Session => session;

    protected DocumentRepository Correct { get; } = new(session);

    public Task<IReadOnlyList<Document>> ListAsync(Guid tenantId, CancellationToken ct) => Correct.ListAsync(tenantId, ct);

    public Task<Document?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) => Correct.GetAsync(tenantId, id, ct);

    public virtual Task<Document> CreateAsync(Guid tenantId, NewDocument document, CancellationToken ct) => Correct.CreateAsync(tenantId, document, ct);

    public virtual Task<Document?> UpdateAsync(Guid tenantId, Guid id, DocumentChanges changes, CancellationToken ct) => Correct.UpdateAsync(tenantId, id, changes, ct);

    public virtual Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) => Correct.DeleteAsync(tenantId, id, ct);
}

/// <summary>Updates a document by id alone: the tenant predicate was dropped from the UPDATE.</summary>
public sealed class UnscopedUpdateDocumentRepository(TenantSession session) : OneBrokenDocumentMethod(session)
{
    public override Task<Document?> UpdateAsync(Guid tenantId, Guid id, DocumentChanges changes, CancellationToken ct) =>
        Session.Connection.QuerySingleOrDefaultAsync<Document>(new CommandDefinition(
            $"UPDATE documents SET title = @Title, body = @Body WHERE id = @id RETURNING {DocumentRepository.Columns}",
            new { id, changes.Title, changes.Body }, Session.Transaction, cancellationToken: ct));
}

/// <summary>Deletes a document by id alone: the tenant predicate was dropped from the DELETE.</summary>
public sealed class UnscopedDeleteDocumentRepository(TenantSession session) : OneBrokenDocumentMethod(session)
{
    public override async Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        await Session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM documents WHERE id = @id", new { id }, Session.Transaction, cancellationToken: ct)) == 1;
}

/// <summary>Creates the document in the tenant the body names, when it names one ("the client knows best").</summary>
public sealed class BodyTenantDocumentRepository(TenantSession session) : OneBrokenDocumentMethod(session)
{
    public override Task<Document> CreateAsync(Guid tenantId, NewDocument document, CancellationToken ct) =>
        Correct.CreateAsync(document.TenantId ?? tenantId, document, ct);
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
