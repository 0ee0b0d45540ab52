package org.opendicomweb;
class Placeholder {}
