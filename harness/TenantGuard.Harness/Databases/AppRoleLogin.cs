using System.Security.Cryptography;
using Npgsql;
using TenantGuard.Harness.Server;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Databases;

/// <summary>
/// A throwaway login that acts as the application role without changing it: NOINHERIT, a member of the app role, and
/// <c>role</c> set to it for every session (so RESET ROLE and DISCARD ALL stay on it). current_user is then the app
/// role with exactly the attributes, grants and memberships the migrations gave it, whether or not it may log in.
/// </summary>
internal sealed record AppRoleLogin(string Name, string Password)
{
    public const string Prefix = "tg_act_";

    public static async Task<AppRoleLogin> CreateAsync(PostgresServer server, string appRole, CancellationToken ct)
    {
        var admin = server.AdminDataSource;
        var login = new AppRoleLogin(Prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant(),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        var name = SqlQuoting.QuoteIdentifier(login.Name);
        try
        {
            await RoleProvisioner.CreateAsync(server, login.Name,
                $"CREATE ROLE {name} LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD {SqlQuoting.QuoteLiteral(login.Password)}",
                ct).ConfigureAwait(false);
            await RoleProvisioner.ExecuteAsync(admin, $"GRANT {SqlQuoting.QuoteIdentifier(appRole)} TO {name}", ct).ConfigureAwait(false);
            await RoleProvisioner.ExecuteAsync(admin, $"ALTER ROLE {name} SET role = {SqlQuoting.QuoteLiteral(appRole)}", ct).ConfigureAwait(false);
            if (server.SharedRun is null) // on a shared server the run's tag says what it is and when it goes
            {
                await RoleProvisioner.ExecuteAsync(admin,
                    $"COMMENT ON ROLE {name} IS {SqlQuoting.QuoteLiteral($"tenantguard: a login acting as {appRole}; dropped when the run ends")}", ct)
                    .ConfigureAwait(false);
            }
        }
        catch (PostgresException e)
        {
            await login.DropAsync(admin).ConfigureAwait(false);
            throw new HarnessException(
                $"Could not act as the app role {appRole}: {e.SqlState} {e.MessageText}. The admin connection needs to be able to create a " +
                $"login role and grant it membership in {appRole} (superuser, or CREATEROLE with ADMIN OPTION on {appRole}).", e);
        }

        return login;
    }

    public async Task DropAsync(NpgsqlDataSource admin)
    {
        try
        {
            await RoleProvisioner.ExecuteAsync(admin, $"DROP ROLE IF EXISTS {SqlQuoting.QuoteIdentifier(Name)}", CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException)
        {
            // The server is gone already, and the role with it.
        }
    }
}
