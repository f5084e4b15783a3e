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
        var inOtherBlock = false;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryFolder.Find("docs"), Path.GetFileName(Page))))
        {
            var fence = line.TrimStart().StartsWith("```", StringComparison.Ordinal);
            if (block is not null && fence)
            {
                classes.Add(new DocumentedClass(heading, string.Join('\n', block)));
                block = null;
            }
            else if (block is not null)
            {
                block.Add(line);
            }
            else if (fence)
            {
                // A C# block opens; any other fence opens or closes a block whose lines are not headings.
                if (!inOtherBlock && line.Trim() == "```csharp")
                    block = [];
                else
                    inOtherBlock = !inOtherBlock;
            }
            else if (!inOtherBlock && line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
            }
        }

        return classes;
    }

    /// <summary>The lines a reader types beyond the usings.</summary>
    public int BodyLines => Code.Split('\n').Count(line => line.Trim().Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal));
}
