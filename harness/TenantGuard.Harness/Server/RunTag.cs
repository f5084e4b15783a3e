using System.Globalization;
using System.Text.Json;

namespace TenantGuard.Harness.Server;

/// <summary>
/// The comment a run puts on every database and role it creates on a server it does not own, so that what a killed
/// run leaves can be found and removed by the next run: <c>tenantguard run 0f3a… (pid 812 on ci-7, started …)</c>.
/// The owner role's comment also lists the roles the migrations made, which carry no tag of their own (their
/// definition, comments included, is the migrations').
/// </summary>
internal sealed record RunTag(long Key, string Text)
{
    public const string Prefix = "tenantguard run ";
    private const string MigrationRolesMarker = "; roles the migrations made: ";

    public static RunTag New()
    {
        var key = BitConverter.ToInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
        var started = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new RunTag(key, $"{Prefix}{Hex(key)} (pid {Environment.ProcessId} on {Environment.MachineName}, started {started}; " +
                               "removed when the run ends, or by the next run if this one was killed)");
    }

    /// <summary>Sixteen hex digits, the run's name in tags and in the owner role's name.</summary>
    public string Id => Hex(Key);

    /// <summary>The owner role's comment: the tag plus the roles the migrations made so far.</summary>
    public string WithMigrationRoles(IEnumerable<string> roles) => Text + MigrationRolesMarker + JsonSerializer.Serialize(roles.ToArray());

    /// <summary>The run key of a tag, or null for any other comment.</summary>
    public static long? KeyOf(string? comment)
    {
        if (comment is null || !comment.StartsWith(Prefix, StringComparison.Ordinal) || comment.Length < Prefix.Length + 16)
            return null;
        return long.TryParse(comment.AsSpan(Prefix.Length, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var key)
            ? key
            : null;
    }

    /// <summary>The roles an owner comment lists as made by the migrations; empty for other comments.</summary>
    public static IReadOnlyList<string> MigrationRolesIn(string comment)
    {
        var at = comment.IndexOf(MigrationRolesMarker, StringComparison.Ordinal);
        if (at < 0)
            return [];
        try
        {
            return JsonSerializer.Deserialize<string[]>(comment[(at + MigrationRolesMarker.Length)..]) ?? [];
        }
        catch (JsonException)
        {
            return []; // edited by hand: the roles stay, and the rest is still removed
        }
    }

    private static string Hex(long key) => key.ToString("x16", CultureInfo.InvariantCulture);
}
