/** @type {AppTypes.Config} */
// OHIF Viewer 3.x configuration that the interop tests serve as /app-config.js in place of the one in dist/.
// One DICOMweb data source: the server under test. __DICOMWEB_ROOT__ is replaced by the test with the root as the
// browser reaches it (through the test's proxy on the viewer's origin, or the server itself on another origin).
window.config = {
  name: 'opendicomweb-interop',
  routerBasename: null,
  extensions: [],
  modes: [],
  customizationService: {},
  showStudyList: true,
  // The test machine has few cores; decoding needs no more for a handful of small images.
  maxNumberOfWebWorkers: 1,
  showWarningMessageForCrossOrigin: false,
  showCPUFallbackMessage: false,
  showLoadingIndicator: true,
  strictZSpacingForVolumeViewport: true,
  groupEnabledModesFirst: true,
  maxNumRequests: { interaction: 100, thumbnail: 5, prefetch: 10 },
  showErrorDetails: 'always',
  // The banner would cover the bottom of the image in the screenshots.
  investigationalUseDialog: { option: 'never' },
  defaultDataSourceName: 'opendicomweb',
  dataSources: [
    {
      namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
      sourceName: 'opendicomweb',
      configuration: {
        friendlyName: 'OpenDICOMweb',
        name: 'opendicomweb',
        qidoRoot: '__DICOMWEB_ROOT__',
        wadoRoot: '__DICOMWEB_ROOT__',
        wadoUriRoot: '__DICOMWEB_ROOT__',
        qidoSupportsIncludeField: true,
        supportsReject: false,
        imageRendering: 'wadors',
        thumbnailRendering: 'wadors',
        enableStudyLazyLoad: true,
        supportsFuzzyMatching: true,
        supportsWildcard: true,
        staticWado: false,
        singlepart: false,
        omitQuotationForMultipartRequest: true,
        bulkDataURI: { enabled: true },
      },
    },
  ],
};
