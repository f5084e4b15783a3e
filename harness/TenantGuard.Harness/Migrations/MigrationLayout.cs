namespace TenantGuard.Harness.Migrations;

/// <summary>How a migrations folder is laid out, and so which files run and in what order.</summary>
public enum MigrationLayout
{
    /// <summary>Every <c>*.sql</c> file of the folder itself, by file name (ordinal).</summary>
    Flat,

    /// <summary>Every <c>*.sql</c> file of the folder and its subfolders, by relative path (ordinal).</summary>
    Recursive,

    /// <summary>Prisma: <c>&lt;folder&gt;/migration.sql</c>, by folder name.</summary>
    Prisma,

    /// <summary>dbmate: the <c>-- migrate:up</c> section of each file, by file name.</summary>
    Dbmate,

    /// <summary>golang-migrate: <c>&lt;version&gt;_&lt;name&gt;.up.sql</c>, by version number.</summary>
    GolangMigrate,

    /// <summary>Flyway: <c>V&lt;version&gt;__&lt;description&gt;.sql</c> by version, then <c>R__&lt;description&gt;.sql</c> by description.</summary>
    Flyway,

    /// <summary>One script as <c>dotnet ef migrations script</c> writes it, applied as it is.</summary>
    EfScript,
}
