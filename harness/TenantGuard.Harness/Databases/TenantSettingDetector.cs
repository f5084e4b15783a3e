using System.Text.RegularExpressions;
using Npgsql;

namespace TenantGuard.Harness.Databases;

/// <summary>
/// Finds the session setting the RLS policies read the current tenant from (<c>current_setting('app.tenant_id')</c>),
/// directly in the policy expressions or in a function they call. Several settings: the one most policies use wins,
/// and the choice is flagged as ambiguous.
/// </summary>
internal static partial class TenantSettingDetector
{
    public sealed record Detection(string? Setting, IReadOnlyDictionary<string, int> Candidates)
    {
        public bool IsAmbiguous => Candidates.Count > 1;
    }

    public static async Task<Detection> DetectAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        var policies = await ReadPoliciesAsync(connection, ct).ConfigureAwait(false);
        var functions = await ReadSettingFunctionsAsync(connection, ct).ConfigureAwait(false);
        return Detect(policies, functions);
    }

    /// <summary>Counts, per setting, the policies that read it; pure so it can be tested on plain strings.</summary>
    internal static Detection Detect(IEnumerable<string> policyExpressions, IReadOnlyDictionary<string, string> functionBodies)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var expression in policyExpressions)
        {
            var settings = SettingsIn(expression).ToHashSet(StringComparer.Ordinal);
            foreach (var (function, body) in functionBodies)
            {
                if (Regex.IsMatch(expression, $@"\b{Regex.Escape(function)}\s*\(", RegexOptions.IgnoreCase))
                {
                    settings.UnionWith(SettingsIn(body));
                }
            }

            foreach (var setting in settings)
            {
                counts[setting] = counts.GetValueOrDefault(setting) + 1;
            }
        }

        var winner = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).FirstOrDefault();
        return new Detection(winner, counts);
    }

    private static IEnumerable<string> SettingsIn(string sql) =>
        CurrentSettingCall().Matches(sql).Select(m => m.Groups["name"].Value.Replace("''", "'", StringComparison.Ordinal));

    private static async Task<List<string>> ReadPoliciesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(qual, '') || ' ' || coalesce(with_check, '') FROM pg_policies", connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var expressions = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            expressions.Add(reader.GetString(0));
        }

        return expressions;
    }

    /// <summary>User functions whose body reads a setting (e.g. <c>current_tenant_id()</c>), by name.</summary>
    private static async Task<Dictionary<string, string>> ReadSettingFunctionsAsync(NpgsqlConnection connection,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT p.proname, string_agg(p.prosrc, ' ')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND p.prosrc ILIKE '%current_setting%'
            GROUP BY p.proname
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var functions = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            functions[reader.GetString(0)] = reader.GetString(1);
        }

        return functions;
    }

    [GeneratedRegex(@"current_setting\s*\(\s*'(?<name>(?:[^']|'')+)'", RegexOptions.IgnoreCase)]
    private static partial Regex CurrentSettingCall();
}
