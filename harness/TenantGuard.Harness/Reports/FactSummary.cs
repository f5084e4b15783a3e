using System.Globalization;

namespace TenantGuard.Harness.Reports;

/// <summary>Facts as a person reads them: a long list (forty synthetic tenants) shortened to its first few items and
/// its length; the JSON report keeps every value.</summary>
internal static class FactSummary
{
    private const int ItemsShown = 3;

    public static string Summarise(string value)
    {
        var items = value.Split(", ");
        // Only lists of names or values: a sentence that happens to hold commas is left as it is.
        return items.Length <= ItemsShown + 2 || items.Any(item => item.Length == 0 || item.Any(char.IsWhiteSpace))
            ? value
            : $"{string.Join(", ", items.Take(ItemsShown))}, … ({items.Length.ToString(CultureInfo.InvariantCulture)} in all; --format json lists every one)";
    }
}
