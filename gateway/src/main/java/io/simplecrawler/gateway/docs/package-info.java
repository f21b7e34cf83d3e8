/** The API's own documentation: the OpenAPI document generated at compile time, and Swagger UI. */
package io.simplecrawler.gateway.docs;
