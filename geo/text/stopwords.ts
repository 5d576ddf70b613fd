// English function words that some gazetteer entries carry as alternate names ("The" is a
// city's alternate somewhere), and the acronyms of international bodies that fold like a
// place's code ("U.N."): never keys, or every article would be full of places.
export const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'it', 'he', 'she', 'we', 'they', 'this', 'that', 'but', 'not', 'no', 'new', 'so', 'if', 'all', 'can', 'will', 'may', 'one', 'said', 'mr', 'mrs', 'dr', 'st', 'be', 'are', 'was', 'has', 'had', 'i', 'you', 'his', 'her', 'its', 'our', 'us dollar', 'u n', 'un', 'e u', 'eu', 'who', 'nato', 'unicef', 'unhcr', 'fao', 'imf', 'opec', 'asean', 'ocha', 'unesco', 'wfp']);
