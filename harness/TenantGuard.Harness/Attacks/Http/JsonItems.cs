using System.Text.Json;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>Reads ids and properties out of the API's JSON answers.</summary>
public static class JsonItems
{
    /// <summary>Ids from a JSON array, or from the first array property of a JSON object (items, data, results …).</summary>
    public static IReadOnlyList<string> IdsIn(string body, string idField)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var array = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement
                : document.RootElement.ValueKind == JsonValueKind.Object
                    ? document.RootElement.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array)
                    : default;
            if (array.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return array.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(idField, out _))
                .Select(item => item.GetProperty(idField).ToString())
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The id of a created item, from its JSON body.</summary>
    public static string? IdOf(string body, string idField) => PropertyOf(body, p => p == idField);

    /// <summary>The value of the item's tenant property (tenantId, organizationId …), if it shows one.</summary>
    public static string? TenantOf(string body) => PropertyOf(body, TenantProperty.IsTenant);

    private static string? PropertyOf(string body, Func<string, bool> match)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Where(p => match(p.Name) && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    .Select(p => p.Value.ToString()).FirstOrDefault()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
