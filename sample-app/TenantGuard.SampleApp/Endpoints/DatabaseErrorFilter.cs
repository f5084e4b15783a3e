using Npgsql;

namespace TenantGuard.SampleApp.Endpoints;

/// <summary>Turns constraint errors into problem responses: a reference to another tenant's (or a missing) record
/// is a 400, a duplicate a 409, never a 500 with a stack trace.</summary>
public sealed class DatabaseErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown reference", detail: "The request refers to a record that does not exist.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Duplicate", detail: "A record with these values exists already.");
        }
    }
}
