using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Schema
{
    /// <summary>A problem in one migration file (reported as TG0901 with the file and line).</summary>
    internal sealed class MigrationFileProblem
    {
        public MigrationFileProblem(string path, SqlProblem problem)
        {
            Path = path;
            Problem = problem;
        }

        public string Path { get; }
        public SqlProblem Problem { get; }
    }
}
