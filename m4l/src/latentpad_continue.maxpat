{
  "patcher": {
    "fileversion": 1,
    "appversion": {
      "major": 8,
      "minor": 5,
      "revision": 0,
      "architecture": "x64",
      "modernui": 1
    },
    "classnamespace": "box",
    "rect": [
      100.0,
      100.0,
      1200.0,
      800.0
    ],
    "openrect": [
      0.0,
      0.0,
      264.0,
      169.0
    ],
    "openinpresentation": 1,
    "default_fontsize": 10.0,
    "default_fontname": "Arial Bold",
    "gridsize": [
      8.0,
      8.0
    ],
    "devicewidth": 264.0,
    "description": "latentpad Continue: continues the selected clip's melody into the next clip slot with the latentpad server's melody model",
    "boxes": [
      {
        "box": {
          "id": "obj-1",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "",
            "",
            ""
          ],
          "patching_rect": [
            40.0,
            400.0,
            300.0,
            22.0
          ],
          "text": "js continue_logic.js",
          "saved_object_attributes": {
            "filename": "continue_logic.js",
            "parameter_enable": 0
          }
        }
      },
      {
        "box": {
          "id": "obj-2",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            40.0,
            450.0,
            140.0,
            22.0
          ],
          "text": "udpsend 127.0.0.1 9000"
        }
      },
      {
        "box": {
          "id": "obj-3",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            40.0,
            350.0,
            110.0,
            22.0
          ],
          "text": "udpreceive 9003"
        }
      },
      {
        "box": {
          "id": "obj-4",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "bang",
            "int",
            "int"
          ],
          "patching_rect": [
            400.0,
            250.0,
            90.0,
            22.0
          ],
          "text": "live.thisdevice"
        }
      },
      {
        "box": {
          "id": "obj-5",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            400.0,
            280.0,
            50.0,
            22.0
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-6",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            400.0,
            310.0,
            50.0,
            22.0
          ],
          "text": "hello"
        }
      },
      {
        "box": {
          "id": "obj-7",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "patching_rect": [
            480.0,
            310.0,
            70.0,
            22.0
          ],
          "text": "metro 1000"
        }
      },
      {
        "box": {
          "id": "obj-8",
          "maxclass": "led",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            40.0,
            500.0,
            16.0,
            16.0
          ],
          "presentation": 1,
          "presentation_rect": [
            8.0,
            8.0,
            16.0,
            16.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-9",
          "maxclass": "live.comment",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            80.0,
            500.0,
            228.0,
            16.0
          ],
          "text": "offline",
          "presentation": 1,
          "presentation_rect": [
            28.0,
            8.0,
            228.0,
            16.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-10",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            40.0,
            40.0,
            44.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            8.0,
            30.0,
            44.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Temperature",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Temperature",
              "parameter_shortname": "Temp",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 2.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.9
              ],
              "parameter_info": "0 = the model's likeliest notes (greedy: gets stuck in loops); 1 = as the model thinks; higher = wilder."
            }
          },
          "annotation": "0 = the model's likeliest notes (greedy: gets stuck in loops); 1 = as the model thinks; higher = wilder.",
          "annotation_name": "Temperature"
        }
      },
      {
        "box": {
          "id": "obj-11",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            40.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend temperature"
        }
      },
      {
        "box": {
          "id": "obj-12",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            160.0,
            40.0,
            44.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            60.0,
            30.0,
            44.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Top-p",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Top-p",
              "parameter_shortname": "Top-p",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.9
              ],
              "parameter_info": "Nucleus sampling: each note is drawn from the likeliest choices that together hold this much probability (1 = all of them); cuts the unlikely tail."
            }
          },
          "annotation": "Nucleus sampling: each note is drawn from the likeliest choices that together hold this much probability (1 = all of them); cuts the unlikely tail.",
          "annotation_name": "Top-p"
        }
      },
      {
        "box": {
          "id": "obj-13",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            160.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend top_p"
        }
      },
      {
        "box": {
          "id": "obj-14",
          "maxclass": "live.numbox",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            280.0,
            40.0,
            40.0,
            15.0
          ],
          "presentation": 1,
          "presentation_rect": [
            120.0,
            34.0,
            40.0,
            15.0
          ],
          "parameter_enable": 1,
          "varname": "Bars",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Bars",
              "parameter_shortname": "Bars",
              "parameter_type": 1,
              "parameter_mmin": 1,
              "parameter_mmax": 16,
              "parameter_unitstyle": 0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                4
              ],
              "parameter_info": "How many bars of continuation to write into the clip slot below."
            }
          },
          "annotation": "How many bars of continuation to write into the clip slot below.",
          "annotation_name": "Bars"
        }
      },
      {
        "box": {
          "id": "obj-15",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            280.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend bars"
        }
      },
      {
        "box": {
          "id": "obj-16",
          "maxclass": "live.numbox",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            400.0,
            40.0,
            40.0,
            15.0
          ],
          "presentation": 1,
          "presentation_rect": [
            120.0,
            58.0,
            40.0,
            15.0
          ],
          "parameter_enable": 1,
          "varname": "Seed",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Seed",
              "parameter_shortname": "Seed",
              "parameter_type": 1,
              "parameter_mmin": 0,
              "parameter_mmax": 9999,
              "parameter_unitstyle": 0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0
              ],
              "parameter_info": "The same seed and clip give the same continuation; change it for another."
            }
          },
          "annotation": "The same seed and clip give the same continuation; change it for another.",
          "annotation_name": "Seed"
        }
      },
      {
        "box": {
          "id": "obj-17",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            400.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend seed"
        }
      },
      {
        "box": {
          "id": "obj-18",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            520.0,
            40.0,
            88.0,
            39.0
          ],
          "text": "Continue",
          "mode": 0,
          "presentation": 1,
          "presentation_rect": [
            168.0,
            34.0,
            88.0,
            39.0
          ],
          "parameter_enable": 1,
          "varname": "Continue",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Continue",
              "parameter_shortname": "Continue",
              "parameter_type": 2,
              "parameter_mmin": 0,
              "parameter_mmax": 1,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_invisible": 2,
              "parameter_info": "Continues the selected clip: its notes go to the latentpad server and the next bars come back into the clip slot below."
            }
          },
          "annotation": "Continues the selected clip: its notes go to the latentpad server and the next bars come back into the clip slot below.",
          "annotation_name": "Continue"
        }
      },
      {
        "box": {
          "id": "obj-19",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            ""
          ],
          "patching_rect": [
            520.0,
            100.0,
            40.0,
            22.0
          ],
          "text": "sel 1"
        }
      },
      {
        "box": {
          "id": "obj-20",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            520.0,
            130.0,
            60.0,
            22.0
          ],
          "text": "continue"
        }
      },
      {
        "box": {
          "id": "obj-21",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            300.0,
            760.0,
            50.0,
            22.0
          ],
          "text": "midiin"
        }
      },
      {
        "box": {
          "id": "obj-22",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            300.0,
            820.0,
            50.0,
            22.0
          ],
          "text": "midiout"
        }
      }
    ],
    "lines": [
      {
        "patchline": {
          "source": [
            "obj-3",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-1",
            0
          ],
          "destination": [
            "obj-2",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            0
          ],
          "destination": [
            "obj-5",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-5",
            1
          ],
          "destination": [
            "obj-7",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-5",
            0
          ],
          "destination": [
            "obj-6",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-6",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-7",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-1",
            1
          ],
          "destination": [
            "obj-8",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-1",
            2
          ],
          "destination": [
            "obj-9",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-10",
            0
          ],
          "destination": [
            "obj-11",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-11",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-12",
            0
          ],
          "destination": [
            "obj-13",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-13",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-14",
            0
          ],
          "destination": [
            "obj-15",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-15",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-16",
            0
          ],
          "destination": [
            "obj-17",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-17",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-18",
            0
          ],
          "destination": [
            "obj-19",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-19",
            0
          ],
          "destination": [
            "obj-20",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-20",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-21",
            0
          ],
          "destination": [
            "obj-22",
            0
          ]
        }
      }
    ],
    "parameters": {
      "obj-10": [
        "Temperature",
        "Temp",
        0
      ],
      "obj-12": [
        "Top-p",
        "Top-p",
        0
      ],
      "obj-14": [
        "Bars",
        "Bars",
        0
      ],
      "obj-16": [
        "Seed",
        "Seed",
        0
      ],
      "obj-18": [
        "Continue",
        "Continue",
        0
      ],
      "inherited_shortname": 1
    },
    "dependency_cache": [
      {
        "name": "continue_logic.js",
        "patcherrelativepath": "./js",
        "type": "TEXT",
        "implicit": 1
      }
    ],
    "latency": 0,
    "is_mpe": 0,
    "minimum_live_version": "",
    "minimum_max_version": "",
    "platform_compatibility": 0,
    "project": {
      "version": 1,
      "creationdate": 3850070400,
      "modificationdate": 3850070400,
      "viewrect": [
        0.0,
        0.0,
        300.0,
        500.0
      ],
      "autoorganize": 1,
      "hideprojectwindow": 1,
      "showdependencies": 1,
      "autolocalize": 0,
      "contents": {
        "patchers": {}
      },
      "layout": {},
      "searchpath": {},
      "detailsvisible": 0,
      "amxdtype": 1835887981,
      "readonly": 0,
      "devpathtype": 0,
      "devpath": ".",
      "sortmode": 0,
      "viewmode": 0,
      "includepackages": 0
    },
    "autosave": 0
  }
}
