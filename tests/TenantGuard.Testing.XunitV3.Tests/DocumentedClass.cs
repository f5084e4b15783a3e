using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Testing.Tests;

/// <summary>A C# code block of a docs page, with the heading it stands under (which says its test framework).</summary>
internal sealed record DocumentedClass(string Heading, string Code)
{
    public const string Page = "docs/ci-isolation-suite.md";

    public static IReadOnlyList<DocumentedClass> ReadAll()
    {
        var classes = new List<DocumentedClass>();
        var heading = "";
        List<string>? block = null;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryFolder.Find("docs"), Path.GetFileName(Page))))
        {
            if (block is not null)
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    classes.Add(new DocumentedClass(heading, string.Join('\n', block)));
                    block = null;
                }
                else
                {
                    block.Add(line);
                }
            }
            else if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
            }
            else if (line.Trim() == "```csharp")
            {
                block = [];
            }
        }

        return classes;
    }

    /// <summary>The lines a reader types beyond the usings.</summary>
    public int BodyLines => Code.Split('\n').Count(line => line.Trim().Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal));
}
