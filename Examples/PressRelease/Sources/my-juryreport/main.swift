import JuryReportCLI
import PressRelease

// The whole juryreport command — export, validate, formats, schema, init — with the press
// release as one more format: `my-juryreport export edition.yaml -f press,md`.
await JuryReportCommand.main(adding: [PressReleaseExporter()])
