namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>Runs of ASCII digits in file names, compared as numbers of any length (no overflow, 010 = 10).</summary>
internal static class DigitText
{
    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>How many ASCII digits <paramref name="text"/> starts with.</summary>
    public static int LeadingDigits(string text)
    {
        var count = 0;
        while (count < text.Length && IsDigit(text[count]))
            count++;
        return count;
    }

    public static bool IsDigits(string text) => text.Length > 0 && LeadingDigits(text) == text.Length;

    /// <summary>Compares two digit strings by value: 9 &lt; 10, 010 = 10.</summary>
    public static int Compare(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }
}
