using Npgsql;

namespace TenantGuard.Harness.Attacks.Probing;

/// <summary>
/// A temporary PL/pgSQL function, private to one application-role session, that runs one probe the way the
/// application would run it (as the application role, the tenant set transaction-locally, SECURITY INVOKER) and then
/// undoes it, tenant setting included, by rolling back to the savepoint its exception block holds. Errors come back as
/// values, so many probes share one round trip without the first refusal aborting the rest.
/// </summary>
internal static class ProbeFunction
{
    public const string Call = "SELECT failed_at, setup_rows, attack_rows, error_state, error_message FROM pg_temp.tenantguard_probe($1, $2, $3, $4, $5)";

    private const string Create = """
        CREATE FUNCTION pg_temp.tenantguard_probe(setting text, tenant text, setup text, attack text, scalar boolean,
            OUT failed_at text, OUT setup_rows bigint, OUT attack_rows bigint, OUT error_state text, OUT error_message text)
        LANGUAGE plpgsql AS $probe$
        BEGIN
            BEGIN
                failed_at := 'attack';
                IF tenant IS NOT NULL THEN
                    PERFORM pg_catalog.set_config(setting, tenant, true);
                END IF;
                IF setup IS NOT NULL THEN
                    failed_at := 'setup';
                    EXECUTE setup;
                    GET DIAGNOSTICS setup_rows = ROW_COUNT;
                    failed_at := 'attack';
                END IF;
                IF scalar THEN
                    EXECUTE attack INTO attack_rows;
                ELSE
                    EXECUTE attack;
                    GET DIAGNOSTICS attack_rows = ROW_COUNT;
                END IF;
                failed_at := NULL;
                RAISE EXCEPTION USING ERRCODE = 'TGRB0';
            EXCEPTION
                WHEN SQLSTATE 'TGRB0' THEN NULL;
                WHEN OTHERS THEN
                    error_state := SQLSTATE;
                    error_message := SQLERRM;
            END;
        END
        $probe$
        """;

    /// <summary>Creates the function in the session's temporary schema: null when it exists, else why the role may not
    /// create it (no TEMPORARY privilege on the database, no PL/pgSQL, an event trigger that refuses).</summary>
    public static async Task<string?> TryCreateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand(Create, connection);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (PostgresException e)
        {
            return $"{e.SqlState} {e.MessageText}";
        }
    }
}
