namespace TenantGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// EF Core tenancy shapes for TG0005/TG0006 tests: entities, DbContexts with and without tenant filters, and stand-ins
/// for Finbuckle.MultiTenant and ABP in the shapes those libraries document (their packages are not referenced).
/// </summary>
internal static class EfTenancy
{
    public const string Entities = """

        public interface ITenantProvider { Guid TenantId { get; } }
        public sealed class Order { public Guid Id { get; set; } public Guid TenantId { get; set; } public bool IsDeleted { get; set; } }
        public sealed class Country { public string Code { get; set; } = ""; public bool IsDeleted { get; set; } }
        """;

    /// <summary>A context filtering Order by tenant in OnModelCreating, and Country by a soft-delete flag only.</summary>
    public const string FilteredContext = Entities + """

        public sealed class ShopContext(DbContextOptions<ShopContext> options, ITenantProvider tenant) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Country> Countries => Set<Country>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>().HasQueryFilter(o => o.TenantId == tenant.TenantId && !o.IsDeleted);
                modelBuilder.Entity<Country>().HasQueryFilter(c => !c.IsDeleted);
            }
        }
        """;

    /// <summary>A context with no query filter at all.</summary>
    public const string UnfilteredContext = Entities + """

        public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Country> Countries => Set<Country>();
        }
        """;

    /// <summary>Finbuckle.MultiTenant's documented surface: [MultiTenant], IsMultiTenant(), MultiTenantDbContext.</summary>
    public const string Finbuckle = """

        namespace Finbuckle.MultiTenant
        {
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class MultiTenantAttribute : System.Attribute { }
        }

        namespace Finbuckle.MultiTenant.EntityFrameworkCore
        {
            public static class EntityTypeBuilderExtensions
            {
                public static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> IsMultiTenant<T>(
                    this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> builder) where T : class => builder;
                public static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder IsMultiTenant(
                    this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder builder) => builder;
            }

            public abstract class MultiTenantDbContext(Microsoft.EntityFrameworkCore.DbContextOptions options)
                : Microsoft.EntityFrameworkCore.DbContext(options) { }
        }
        """;

    /// <summary>ABP's documented surface: IMultiTenant with Guid? TenantId, and AbpDbContext filtering it.</summary>
    public const string Abp = """

        namespace Volo.Abp.MultiTenancy
        {
            public interface IMultiTenant { System.Guid? TenantId { get; } }
        }

        namespace Volo.Abp.EntityFrameworkCore
        {
            public abstract class AbpDbContext<TDbContext>(Microsoft.EntityFrameworkCore.DbContextOptions<TDbContext> options)
                : Microsoft.EntityFrameworkCore.DbContext(options) where TDbContext : Microsoft.EntityFrameworkCore.DbContext { }
        }
        """;
}
