using System.Text.Json;
using TenantGuard.Harness.Migrations;

namespace TenantGuard.Harness.Waivers;

/// <summary>Reads tenantguard.json: {"tenantTables":["public.settings"],"waivers":[{"rule":"TG1003","object":"public.docs",
/// "reason":"…"}]}, and the run's settings (<see cref="TenantGuardConfig"/>). A malformed file or a waiver without a
/// reason is a HarnessException naming the file (and line, where the JSON reader knows it): a silently ignored file
/// would hide findings.</summary>
public static class WaiverFile
{
    public const string FileName = "tenantguard.json";

    private const string Example =
        "{\"tenantTables\":[\"public.settings\"],\"waivers\":[{\"rule\":\"TG1003\",\"object\":\"public.docs\",\"reason\":\"…\"}]}";

    /// <summary>The waivers in a migrations folder (or next to a migrations script); none without a tenantguard.json.</summary>
    public static async Task<IReadOnlyList<Waiver>> LoadForMigrationsAsync(string migrationsFolder, CancellationToken cancellationToken = default) =>
        (await LoadConfigForMigrationsAsync(migrationsFolder, cancellationToken)).Waivers;

    /// <summary>The tenantguard.json of some migrations: the one in their folder (next to a script file), else the
    /// nearest one above that names them in "migrations" (a file at the repository root, where the test fixture finds
    /// it); empty when there is none.</summary>
    public static async Task<TenantGuardConfig> LoadConfigForMigrationsAsync(string migrationsFolder, CancellationToken cancellationToken = default)
    {
        var migrations = Path.TrimEndingDirectorySeparator(Path.GetFullPath(migrationsFolder));
        var folder = File.Exists(migrations) ? Path.GetDirectoryName(migrations)! : migrations;
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
            return await LoadConfigAsync(path, cancellationToken).ConfigureAwait(false);

        for (var above = Directory.GetParent(folder); above is not null; above = above.Parent)
        {
            var candidate = Path.Combine(above.FullName, FileName);
            if (!File.Exists(candidate))
                continue;
            var config = await LoadConfigAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (config.Migrations is { } named && string.Equals(Path.TrimEndingDirectorySeparator(named), migrations, StringComparison.Ordinal))
                return config;
        }

        return TenantGuardConfig.Empty;
    }

    public static async Task<IReadOnlyList<Waiver>> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        (await LoadConfigAsync(path, cancellationToken)).Waivers;

    public static async Task<TenantGuardConfig> LoadConfigAsync(string path, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"{path}: cannot read the file: {e.Message}");
        }
        return ParseConfig(text, path);
    }

    public static IReadOnlyList<Waiver> Parse(string json, string path) => ParseConfig(json, path).Waivers;

    public static TenantGuardConfig ParseConfig(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? $":{n + 1}" : "";
            throw new HarnessException($"{path}{line}: not valid JSON ({FirstSentence(e.Message)}). Expected e.g. {Example}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.EnumerateObject().Any(p => Keys.Contains(p.Name, StringComparer.Ordinal)))
                throw new HarnessException(
                    $"{path}: expected an object with a \"waivers\" array (and/or \"tenantTables\", \"migrations\", \"appRole\"…), e.g. {Example}.");
            // "$schema" points editors at docs/tenantguard.schema.json, which describes exactly what is read here.
            RejectUnknownProperties(root, path, "the file", [.. Keys, "$schema"]);
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            return new TenantGuardConfig(
                root.TryGetProperty("waivers", out var waivers) ? ReadWaivers(waivers, path) : [],
                root.TryGetProperty("tenantTables", out var tables) ? ReadTenantTables(tables, path) : [])
            {
                Path = Path.GetFullPath(path),
                Migrations = PathSetting(root, "migrations", folder, path),
                Layout = LayoutSetting(root, path),
                AppRole = TextSetting(root, "appRole", path),
                TenantColumn = TextSetting(root, "tenantColumn", path),
                TenantSetting = TextSetting(root, "tenantSetting", path),
                MigrationsAsSuperuser = root.TryGetProperty("migrationsAsSuperuser", out var superuser)
                    ? superuser.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? superuser.GetBoolean()
                        : throw new HarnessException($"{path}: \"migrationsAsSuperuser\" must be true or false.")
                    : null,
                SeedSql = PathSetting(root, "seedSql", folder, path),
                Http = PathSetting(root, "http", folder, path),
            };
        }
    }

    /// <summary>Every key the file may hold besides "$schema".</summary>
    private static readonly string[] Keys =
        ["waivers", "tenantTables", "migrations", "layout", "appRole", "tenantColumn", "tenantSetting", "migrationsAsSuperuser", "seedSql", "http"];

    private static string? TextSetting(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : throw new HarnessException($"{path}: \"{name}\" must be a non-empty string.");
    }

    /// <summary>Paths in the file are relative to the file's folder, so it reads the same from any working directory.</summary>
    private static string? PathSetting(JsonElement root, string name, string folder, string path) =>
        TextSetting(root, name, path) is { } relative ? Path.GetFullPath(Path.Combine(folder, relative)) : null;

    private static MigrationLayout? LayoutSetting(JsonElement root, string path)
    {
        if (TextSetting(root, "layout", path) is not { } name)
            return null;
        return MigrationLayouts.TryParse(name, out var layout)
            ? layout
            : throw new HarnessException($"{path}: \"layout\" {name} is not a migration layout; use one of {string.Join(", ", MigrationLayouts.Names)}.");
    }

    private static List<Waiver> ReadWaivers(JsonElement list, string path)
    {
        if (list.ValueKind != JsonValueKind.Array)
            throw new HarnessException($"{path}: \"waivers\" must be an array, e.g. {Example}.");
        var waivers = new List<Waiver>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            index++;
            var rule = Text(entry, "rule");
            var objectName = Text(entry, "object");
            var reason = Text(entry, "reason");
            var where = $"{path}: waiver #{index}" + (rule is null && objectName is null ? "" : $" ({rule} {objectName})");
            if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(objectName))
                throw new HarnessException($"{where}: needs \"rule\" and \"object\".");
            if (!IsRuleId(rule.Trim()))
                throw new HarnessException($"{where}: \"rule\" must be a rule ID such as TG1003 (see docs/rules).");
            RejectUnknownProperties(entry, path, $"waiver #{index}", "rule", "object", "reason");
            if (string.IsNullOrWhiteSpace(reason))
                throw new HarnessException($"{where}: needs a \"reason\" saying why the finding is acceptable.");
            waivers.Add(new Waiver(rule.Trim(), objectName.Trim(), reason.Trim()));
        }
        return waivers;
    }

    private static List<string> ReadTenantTables(JsonElement list, string path)
    {
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
            throw new HarnessException($"{path}: \"tenantTables\" must be an array of table names, e.g. [\"public.settings\"].");
        return list.EnumerateArray().Select(e => e.GetString()!.Trim()).ToList();
    }

    /// <summary>A misspelt key ("waiver", "reasons") would otherwise be ignored and its intent silently lost.</summary>
    private static void RejectUnknownProperties(JsonElement element, string path, string where, params string[] known)
    {
        var unknown = element.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal));
        if (unknown is not null)
            throw new HarnessException($"{path}: {where} has an unknown property \"{unknown}\"; expected {string.Join(", ", known.Select(k => $"\"{k}\""))}.");
    }

    /// <summary>TG and four digits, as every rule ID is.</summary>
    private static bool IsRuleId(string text) =>
        text.Length == 6 && text.StartsWith("TG", StringComparison.OrdinalIgnoreCase) && text[2..].All(char.IsAsciiDigit);

    private static string? Text(JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
