using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace TenantGuard.Harness.Attacks.Http;

/// <summary>
/// Writes a request body from an operation's schema: every required property, and optional ones that are safe to
/// guess (not references to other records). Strings carry a marker so a later read shows whether the write landed;
/// references (clientId) take an id of the same tenant's record from <paramref name="referenceFor"/>.
/// </summary>
public static class RequestBodyBuilder
{
    /// <param name="referenceFor">An existing id of the caller's own record for a reference stem (client), or null.</param>
    public static JsonObject Build(IOpenApiSchema schema, string marker, Func<string, string?> referenceFor)
    {
        var body = new JsonObject();
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property.ReadOnly || TenantProperty.IsTenant(name))
            {
                continue;
            }

            var required = schema.Required?.Contains(name) == true;
            var reference = TenantProperty.ReferenceStem(name) is { } stem && IsIdLike(property) ? referenceFor(stem) : null;
            if (reference is not null)
            {
                body[name] = reference;
            }
            else if (required || (!IsIdLike(property) && !IsNullable(property)))
            {
                body[name] = ValueFor(property, marker, depth: 0);
            }
        }

        return body;
    }

    /// <summary>The name of the schema's property that names the tenant, if it has one.</summary>
    public static string? TenantPropertyOf(IOpenApiSchema? schema) =>
        schema?.Properties?.Keys.FirstOrDefault(TenantProperty.IsTenant);

    private static bool IsIdLike(IOpenApiSchema property) =>
        property.Format is "uuid" || (Has(property, JsonSchemaType.Integer) && property.Format is "int64");

    private static bool IsNullable(IOpenApiSchema property) => Has(property, JsonSchemaType.Null);

    private static bool Has(IOpenApiSchema schema, JsonSchemaType type) => schema.Type is { } t && t.HasFlag(type);

    private static JsonNode? ValueFor(IOpenApiSchema schema, string marker, int depth)
    {
        if (schema.Enum is { Count: > 0 } values)
        {
            return values.First(v => v is not null)?.DeepClone();
        }

        if (schema.Default is { } fallback)
        {
            return fallback.DeepClone();
        }

        if (Has(schema, JsonSchemaType.Integer) || Has(schema, JsonSchemaType.Number))
        {
            var low = decimal.TryParse(schema.Minimum, NumberStyles.Number, CultureInfo.InvariantCulture, out var min) ? min : 1m;
            return JsonValue.Create(Math.Max(low, 1m));
        }

        if (Has(schema, JsonSchemaType.Boolean))
        {
            return JsonValue.Create(false);
        }

        if (Has(schema, JsonSchemaType.Array))
        {
            var array = new JsonArray();
            if (schema.MinItems is > 0 && schema.Items is not null && depth < 4)
            {
                array.Add(ValueFor(schema.Items, marker, depth + 1));
            }

            return array;
        }

        if (Has(schema, JsonSchemaType.Object) || schema.Properties is { Count: > 0 })
        {
            return depth < 4 ? Build(schema, marker, _ => null) : new JsonObject();
        }

        return StringFor(schema, marker);
    }

    private static string StringFor(IOpenApiSchema schema, string marker)
    {
        var text = schema.Format switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date-time" => DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "date" => DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "email" => $"{marker}@example.invalid",
            "uri" or "url" => "https://example.invalid/" + marker,
            _ => marker,
        };
        if (schema.MaxLength is { } max && text.Length > max)
        {
            text = text[..Math.Max(max, 1)];
        }

        if (schema.MinLength is { } min && text.Length < min)
        {
            text = text.PadRight(min, 'x');
        }

        return text;
    }
}
