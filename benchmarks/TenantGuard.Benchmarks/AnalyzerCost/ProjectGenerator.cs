namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>
/// Makes up a project of repositories, stores, EF Core queries, services and jobs, deterministic from a seed, and
/// predicts exactly which TenantGuard diagnostics it must produce: the file mix is fixed (see <see cref="FileKinds"/>),
/// the seed picks each file's table, its position and how many violations a violating file plants (1 to 3).
/// </summary>
public static class ProjectGenerator
{
    public const int DefaultFiles = 2000;
    public const int DefaultSeed = 2026;

    public static SyntheticProject Generate(int files = DefaultFiles, int seed = DefaultSeed)
    {
        if (files < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(files), files, "a project needs at least two files (the model and one more)");
        }

        var random = new Random(seed);
        var kinds = KindsFor(files - 1); // the model is the first file
        random.Shuffle(kinds);

        var expected = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["TG0001"] = 0, ["TG0002"] = 0, ["TG0003"] = 0, ["TG0004"] = 0,
        };
        var sources = new List<SourceFile> { new("Model/Model.cs", ProjectTables.Model()) };
        for (var n = 0; n < kinds.Length; n++)
        {
            var table = ProjectTables.TenantOwned[random.Next(ProjectTables.TenantOwned.Count)];
            var violations = random.Next(1, 4);
            var (text, rule) = kinds[n] switch
            {
                FileKind.CleanDapperRepository => (SourceTemplates.CleanDapperRepository(n, table), null),
                FileKind.CleanNpgsqlStore => (SourceTemplates.CleanNpgsqlStore(n, table), null),
                FileKind.CleanEfQueries => (SourceTemplates.CleanEfQueries(n, table), null),
                FileKind.Service => (SourceTemplates.Service(n, table), null),
                FileKind.UnfilteredQuery => (SourceTemplates.UnfilteredQuery(n, table, violations), "TG0002"),
                FileKind.TenantInPlainField => (SourceTemplates.TenantInPlainField(n, table, violations), "TG0001"),
                FileKind.HardCodedTenant => (SourceTemplates.HardCodedTenant(n, table, violations), "TG0003"),
                FileKind.SessionScopedSetting => (SourceTemplates.SessionScopedSetting(n, table, violations), "TG0004"),
                _ => throw new InvalidOperationException(kinds[n].ToString()),
            };

            if (rule is not null)
            {
                expected[rule] += violations;
            }

            sources.Add(new SourceFile($"{kinds[n]}/{table.Entity}{n:0000}.cs", text));
        }

        var migrations = new[] { new SourceFile("db/migrations/001_schema.sql", ProjectTables.Migration()) };
        return new SyntheticProject(sources, migrations, expected);
    }

    /// <summary>The kinds of <paramref name="files"/> files, in the proportions of the mix (remainders go to services).</summary>
    private static FileKind[] KindsFor(int files)
    {
        var cycle = FileKinds.Mix.Sum(m => m.Share);
        var kinds = new List<FileKind>(files);
        foreach (var (kind, share) in FileKinds.Mix)
        {
            kinds.AddRange(Enumerable.Repeat(kind, files / cycle * share));
        }

        // The remainder of a file count that is not a multiple of the cycle: one of each kind in turn.
        for (var i = 0; kinds.Count < files; i++)
        {
            kinds.Add(FileKinds.Mix[i % FileKinds.Mix.Count].Kind);
        }

        return kinds.ToArray();
    }
}
