using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0005QueryFilterIgnoredOnTenantEntity>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0005: IgnoreQueryFilters() on an entity whose tenant filter it switches off.</summary>
public sealed class TG0005Tests
{
    private static string Source(string code, string model = EfTenancy.FilteredContext) => Code.Usings + code + model;

    // ---- catches ----

    [Fact]
    public Task Unnamed_ignore_in_a_request_handler() => Verify.VerifyAsync(Source("""
        public sealed class ListTrashedOrdersHandler(ShopContext db)
        {
            public Task<List<Order>> Handle() => db.Orders.{|TG0005:IgnoreQueryFilters()|}.Where(o => o.IsDeleted).ToListAsync();
            public Task<int> Count() => db.Set<Order>().AsNoTracking().{|TG0005:IgnoreQueryFilters()|}.CountAsync();
            public IQueryable<Order> Query() => from o in db.Orders.{|TG0005:IgnoreQueryFilters()|} where o.IsDeleted select o;
        }
        """));

    [Fact]
    public Task Message_names_the_entity_and_the_filter()
    {
        var test = new Verify(Source("""
            public sealed class Job(ShopContext db)
            {
                public Task<List<Order>> Run() => db.Orders.{|#0:IgnoreQueryFilters()|}.ToListAsync();
            }
            """));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.TG0005)
            .WithLocation(0)
            .WithArguments("IgnoreQueryFilters()", "Order", "HasQueryFilter in ShopContext.OnModelCreating", "TenantId"));
        return test.RunAsync();
    }

    [Fact]
    public Task Named_ignore_that_names_the_tenant_filter() => Verify.VerifyAsync(Source("""
        public sealed class Endpoint(ShopContext db)
        {
            public Task<List<Order>> All() => db.Orders.{|TG0005:IgnoreQueryFilters(["Tenant"])|}.ToListAsync();
            public Task<List<Order>> Trash() => db.Orders.IgnoreQueryFilters(["SoftDelete"]).ToListAsync();
        }
        """, EfTenancy.Entities + """

        public sealed class ShopContext(DbContextOptions<ShopContext> options, ITenantProvider tenant) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>().HasQueryFilter("Tenant", o => o.TenantId == tenant.TenantId);
                modelBuilder.Entity<Order>().HasQueryFilter("SoftDelete", o => !o.IsDeleted);
            }
        }
        """));

    [Fact]
    public Task Filter_declared_in_an_entity_type_configuration() => Verify.VerifyAsync(Source("""
        public sealed class Controller(ShopContext db)
        {
            public Task<Order?> Get(Guid id) => db.Orders.{|TG0005:IgnoreQueryFilters()|}.FirstOrDefaultAsync(o => o.Id == id);
        }
        """, EfTenancy.Entities + """

        public sealed class OrderConfiguration(ITenantProvider tenant) : IEntityTypeConfiguration<Order>
        {
            public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Order> builder) =>
                builder.HasQueryFilter(o => o.TenantId == tenant.TenantId);
        }
        public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
        }
        """));

    [Fact]
    public Task Filter_applied_in_a_loop_to_every_tenant_entity() => Verify.VerifyAsync(Source("""
        public sealed class Purge(ShopContext db)
        {
            public Task<int> Run() => db.Invoices.{|TG0005:IgnoreQueryFilters()|}.Where(i => i.IsDeleted).ExecuteDeleteAsync();
            public Task<List<Country>> Countries() => db.Countries.IgnoreQueryFilters().ToListAsync();
        }
        """, EfTenancy.Entities + """

        public interface IMustHaveTenant { Guid TenantId { get; set; } }
        public sealed class Invoice : IMustHaveTenant { public Guid Id { get; set; } public Guid TenantId { get; set; } public bool IsDeleted { get; set; } }
        public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            public DbSet<Country> Countries => Set<Country>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                {
                    if (typeof(IMustHaveTenant).IsAssignableFrom(entityType.ClrType))
                    {
                        var filter = BuildTenantFilter(entityType.ClrType);
                        entityType.SetQueryFilter(filter);
                    }
                }
            }
            private static System.Linq.Expressions.LambdaExpression BuildTenantFilter(Type type) => throw new NotImplementedException();
        }
        """));

    [Fact]
    public Task Filter_applied_by_a_generic_helper_per_interface() => Verify.VerifyAsync(Source("""
        public sealed class Export(ShopContext db)
        {
            public Task<List<Invoice>> Run() => db.Invoices.{|TG0005:IgnoreQueryFilters()|}.ToListAsync();
        }
        """, EfTenancy.Entities + """

        public interface IMustHaveTenant { Guid TenantId { get; set; } }
        public sealed class Invoice : IMustHaveTenant { public Guid Id { get; set; } public Guid TenantId { get; set; } }
        public sealed class ShopContext(DbContextOptions<ShopContext> options, ITenantProvider tenant) : DbContext(options)
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            private void ApplyTenantFilter<T>(ModelBuilder modelBuilder) where T : class, IMustHaveTenant =>
                modelBuilder.Entity<T>().HasQueryFilter(e => e.TenantId == tenant.TenantId);
        }
        """));

    [Fact]
    public Task Finbuckle_is_multi_tenant_and_attribute() => Verify.VerifyAsync(Source("""
        public sealed class RestoreFileHandler(FilesContext db)
        {
            public Task<List<FileAsset>> Files() => db.Files.{|TG0005:IgnoreQueryFilters()|}.Where(f => f.DeletedOn != null).ToListAsync();
            public Task<List<Folder>> Folders() => db.Folders.{|TG0005:IgnoreQueryFilters()|}.ToListAsync();
        }
        """, EfTenancy.Finbuckle + """

        public sealed class FileAsset { public Guid Id { get; set; } public DateTime? DeletedOn { get; set; } }
        [Finbuckle.MultiTenant.MultiTenant]
        public sealed class Folder { public Guid Id { get; set; } }
        public sealed class FilesContext(DbContextOptions options) : Finbuckle.MultiTenant.EntityFrameworkCore.MultiTenantDbContext(options)
        {
            public DbSet<FileAsset> Files => Set<FileAsset>();
            public DbSet<Folder> Folders => Set<Folder>();
        }
        public sealed class FileAssetConfiguration : IEntityTypeConfiguration<FileAsset>
        {
            public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<FileAsset> builder) =>
                Finbuckle.MultiTenant.EntityFrameworkCore.EntityTypeBuilderExtensions.IsMultiTenant(builder);
        }
        """));

    [Fact]
    public Task Finbuckle_applied_to_every_entity_but_global_ones() => Verify.VerifyAsync(Source("""
        public sealed class Handler(AppContext db)
        {
            public Task<List<FileAsset>> Files() => db.Files.{|TG0005:IgnoreQueryFilters()|}.ToListAsync();
            public Task<List<Plan>> Plans() => db.Plans.IgnoreQueryFilters().ToListAsync();
        }
        """, EfTenancy.Finbuckle + """

        public interface IGlobalEntity { }
        public sealed class FileAsset { public Guid Id { get; set; } }
        public sealed class Plan : IGlobalEntity { public Guid Id { get; set; } }
        public sealed class AppContext(DbContextOptions options) : DbContext(options)
        {
            public DbSet<FileAsset> Files => Set<FileAsset>();
            public DbSet<Plan> Plans => Set<Plan>();
        }
        public static class TenantIsolation
        {
            public static void ApplyByDefault(this ModelBuilder modelBuilder)
            {
                foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                {
                    if (typeof(IGlobalEntity).IsAssignableFrom(entityType.ClrType)) continue;
                    Finbuckle.MultiTenant.EntityFrameworkCore.EntityTypeBuilderExtensions.IsMultiTenant(modelBuilder.Entity(entityType.ClrType));
                }
            }
        }
        """));

    [Fact]
    public Task Abp_multi_tenant_entities() => Verify.VerifyAsync(Source("""
        public sealed class BookAppService(BookStoreContext db)
        {
            public Task<List<Book>> AllTenants() => db.Books.{|TG0005:IgnoreQueryFilters()|}.ToListAsync();
            public Task<List<Country>> Countries() => db.Countries.IgnoreQueryFilters().ToListAsync();
        }
        """, EfTenancy.Abp + EfTenancy.Entities + """

        public sealed class Book : Volo.Abp.MultiTenancy.IMultiTenant { public Guid Id { get; set; } public Guid? TenantId { get; set; } }
        public sealed class BookStoreContext(DbContextOptions<BookStoreContext> options) : Volo.Abp.EntityFrameworkCore.AbpDbContext<BookStoreContext>(options)
        {
            public DbSet<Book> Books => Set<Book>();
            public DbSet<Country> Countries => Set<Country>();
        }
        """));

    // ---- must not catch ----

    [Fact]
    public Task Query_that_filters_by_tenant_again() => Verify.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db)
        {
            public Task<List<Order>> Trash(Guid tenantId) =>
                db.Orders.IgnoreQueryFilters().Where(o => o.TenantId == tenantId && o.IsDeleted).ToListAsync();
            public Task<bool> Exists(Guid tenantId, Guid id) => db.Orders.IgnoreQueryFilters().AnyAsync(o => o.Id == id && o.TenantId == tenantId);
            public Task<List<Order>> Later(Guid tenantId)
            {
                var query = db.Orders.IgnoreQueryFilters();
                query = query.Where(o => o.TenantId.Equals(tenantId));
                return query.ToListAsync();
            }
        }
        """));

    [Fact]
    public Task Cross_tenant_code() => Verify.VerifyAsync(Source("""
        [AttributeUsage(AttributeTargets.All)] public sealed class CrossTenantAttribute(string reason) : Attribute { }
        public sealed class PlatformReport(ShopContext db)
        {
            [CrossTenant("platform-wide revenue report")]
            public Task<int> Count() => db.Orders.IgnoreQueryFilters().CountAsync();
        }
        """));

    [Fact]
    public Task Entity_without_tenant_filter_or_property() => Verify.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db)
        {
            public Task<List<Country>> All() => db.Countries.IgnoreQueryFilters().ToListAsync();
        }
        """), migrations: null);

    [Fact]
    public Task A_filter_that_does_not_compare_the_tenant_is_not_a_tenant_filter() => Verify.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db)
        {
            public Task<List<Order>> All() => db.Orders.IgnoreQueryFilters().ToListAsync();
        }
        """, EfTenancy.Entities + """

        public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Order>().HasQueryFilter(o => !o.IsDeleted && o.TenantId != Guid.Empty);
        }
        """));

    [Fact]
    public Task Project_without_tenancy() => Verify.VerifyAsync(Code.Usings + """
        public sealed class Post { public int Id { get; set; } public bool IsDeleted { get; set; } }
        public sealed class BlogContext(DbContextOptions<BlogContext> options) : DbContext(options)
        {
            public DbSet<Post> Posts => Set<Post>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Post>().HasQueryFilter(p => !p.IsDeleted);
        }
        public sealed class Handler(BlogContext db)
        {
            public Task<List<Post>> Trash() => db.Posts.IgnoreQueryFilters().Where(p => p.IsDeleted).ToListAsync();
        }
        """, migrations: null);

    [Fact]
    public Task Partial_code_does_not_throw() => Verify.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db)
        {
            public Task<List<Order>> Broken() => db.{|CS1061:Missing|}.IgnoreQueryFilters().ToListAsync();
        }
        """));

    [Fact]
    public Task Tenant_predicate_through_a_navigation() => Verify.VerifyAsync(Source("""
        public sealed class OrderLine { public Guid Id { get; set; } public Guid TenantId { get; set; } public Order Order { get; set; } = null!; }
        public sealed class Cloner(LineContext db)
        {
            public Task<List<OrderLine>> Lines(Guid sourceTenantId) =>
                db.Lines.IgnoreQueryFilters().Where(l => l.Order.TenantId == sourceTenantId).ToListAsync();
        }
        public sealed class LineContext(DbContextOptions<LineContext> options, ITenantProvider tenant) : DbContext(options)
        {
            public DbSet<OrderLine> Lines => Set<OrderLine>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<OrderLine>().HasQueryFilter(l => l.TenantId == tenant.TenantId);
        }
        """));
}
