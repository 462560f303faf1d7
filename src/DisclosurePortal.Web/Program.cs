using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();
builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalDataProtection(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalIdentity(builder.Configuration);
builder.Services.AddPortalUi();
builder.Services.AddPortalFeatures(builder.Configuration);

var app = builder.Build();
await app.InitializePortalDatabaseAsync();
app.UsePortalPipeline();
app.MapPortalEndpoints();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
