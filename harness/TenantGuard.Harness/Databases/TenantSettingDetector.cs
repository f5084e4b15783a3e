using Npgsql;
using TenantGuard.Harness.Audit.Policies;

namespace TenantGuard.Harness.Databases;

/// <summary>
/// Finds the session setting the RLS policies compare the tenant column with (<c>current_setting('app.tenant_id')</c>),
/// directly or through a function they call, with <see cref="PolicySettingCensus"/>. Several such settings: the one
/// most policies use wins, and the choice is flagged as ambiguous. Settings compared only with constants (switches
/// such as app.bypass_rls) are never candidates.
/// </summary>
internal static class TenantSettingDetector
{
    /// <param name="Setting">The tenant setting chosen (or given).</param>
    /// <param name="Candidates">Settings compared with the tenant column, with how many policies do.</param>
    public sealed record Detection(string? Setting, IReadOnlyDictionary<string, int> Candidates)
    {
        public bool IsAmbiguous => Candidates.Count > 1;

        /// <summary>Settings compared only with constants, with how many policies do.</summary>
        public IReadOnlyDictionary<string, int> Switches { get; init; } = new Dictionary<string, int>();

        /// <summary>Every setting the policies read: a given tenant setting outside it is one no policy reads.</summary>
        public IReadOnlyCollection<string> SettingsRead { get; init; } = [];

        /// <summary>Fixed tenant values the policies compare the tenant column with (a shared "platform" tenant).</summary>
        public IReadOnlyCollection<string> TenantLiterals { get; init; } = [];
    }

    public static async Task<Detection> DetectAsync(string connectionString, string tenantColumn, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        var policies = await ReadPoliciesAsync(connection, ct).ConfigureAwait(false);
        var functions = await ReadFunctionDefinitionsAsync(connection, ct).ConfigureAwait(false);
        return Detect(policies, functions, tenantColumn);
    }

    /// <summary>The census over policy expressions and function definitions; pure so it can be tested on plain strings.</summary>
    internal static Detection Detect(IEnumerable<(string? Using, string? WithCheck)> policies, IEnumerable<string> functionDefinitions,
        string tenantColumn)
    {
        var settings = PolicySettingCensus.Take(policies, tenantColumn, new PolicyFunctions(functionDefinitions));
        return new Detection(settings.TenantSetting, settings.TenantSettings)
        {
            Switches = settings.SwitchSettings,
            SettingsRead = settings.SettingsRead,
            TenantLiterals = settings.TenantLiterals,
        };
    }

    private static async Task<List<(string?, string?)>> ReadPoliciesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT qual, with_check FROM pg_policies", connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var policies = new List<(string?, string?)>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            policies.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return policies;
    }

    /// <summary>Every user function's definition, so calls in policies are judged by what their bodies return.</summary>
    private static async Task<List<string>> ReadFunctionDefinitionsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND p.prokind = 'f'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var definitions = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            definitions.Add(reader.GetString(0));
        }

        return definitions;
    }
}
