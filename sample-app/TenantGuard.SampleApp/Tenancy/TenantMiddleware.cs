using Npgsql;

namespace TenantGuard.SampleApp.Tenancy;

/// <summary>
/// Resolves the request's tenant (403 problem+json when there is none), then opens the request's transaction with the
/// tenant set inside it. The transaction commits when the response succeeded and rolls back otherwise.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(
        HttpContext context, ITenantResolver resolver, NpgsqlDataSource dataSource, ITenantConnectionScope scope, TenantSession session)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var ct = context.RequestAborted;
        var resolution = await resolver.ResolveAsync(context, ct);
        if (resolution.TenantId is not { } tenantId)
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tenant required", detail: resolution.Problem)
                .ExecuteAsync(context);
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await scope.ApplyAsync(connection, transaction, tenantId, ct);
        session.Begin(tenantId, connection, transaction);

        // Finish the transaction before the response starts, so a client never sees a 2xx for a commit that failed.
        var finished = false;
        async Task FinishAsync()
        {
            if (finished)
            {
                return;
            }

            finished = true;
            if (context.Response.StatusCode < 400)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.RollbackAsync(ct);
            }
        }

        context.Response.OnStarting(FinishAsync);
        await next(context);
        await FinishAsync();
    }
}
