using System.Text.Json;
using System.Text.Json.Serialization;

namespace TenantGuard.Harness.Bench.Results;

/// <summary>Writes and reads bench results; a file that cannot be read is one error naming it (and the line).</summary>
public static class BenchResultsFile
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string Serialize(BenchResults results) => JsonSerializer.Serialize(results, JsonOptions);

    public static BenchResults Read(string path)
    {
        if (!File.Exists(path))
            throw new HarnessException($"--baseline {path}: file not found. Write one with tenantguard bench --format json --output {path}.");
        try
        {
            var results = JsonSerializer.Deserialize<BenchResults>(File.ReadAllText(path), JsonOptions)
                          ?? throw new HarnessException($"--baseline {path}: the file holds JSON null, expected bench results.");
            if (results.FormatVersion != BenchResults.CurrentFormatVersion || results.Queries.Any(q => q.Ratio is null))
                throw new HarnessException($"--baseline {path}: not bench results of format {BenchResults.CurrentFormatVersion} " +
                                           "(written by tenantguard bench --format json); write a new baseline.");
            return results;
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } number ? $":{number + 1}" : "";
            throw new HarnessException($"--baseline {path}{line}: not valid bench results JSON: {e.Message}");
        }
    }
}
