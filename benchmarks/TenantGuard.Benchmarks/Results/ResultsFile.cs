using System.Text.Json;
using System.Text.Json.Serialization;

namespace TenantGuard.Benchmarks.Results;

/// <summary>Reads and writes results and baseline files; a file that cannot be read is one clear error naming it.</summary>
public static class ResultsFile
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task WriteAsync<T>(string path, T value, CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, value, JsonOptions, ct);
    }

    public static async Task<T> ReadAsync<T>(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            throw new BenchmarkException($"{path}: file not found.");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<T>(stream, JsonOptions, ct)
                ?? throw new BenchmarkException($"{path}: the file holds JSON null, expected an object.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}" : "";
            throw new BenchmarkException($"{path}{where}: not a valid {typeof(T).Name} file: {e.Message}");
        }
    }
}
